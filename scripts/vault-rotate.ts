import '@/lib/env'; // validates the configuration first
import { keyring } from '@/lib/crypto/envelope';
import { rewrapCustomerPii, verifyCustomerPii } from '@/lib/customers/rewrap-pii';
import { db, disconnectDb } from '@/lib/db/client';
import { disconnectRedis } from '@/lib/cache/redis';
import { rewrapVault, verifyVault } from '@/lib/vault';
import { rewrapWebhookSecrets, verifyWebhookSecrets } from '@/lib/webhooks/rewrap-secrets';
import { rewrapEventData, verifyEventData } from '@/lib/events/rewrap-event-data';

/**
 * npm run vault:rotate
 *
 * Re-wraps every sealed record of the card vault (cards and billing details)
 * and every customer's sealed PII under ENCRYPTION_ACTIVE_KEY_ID (default: the
 * last key of ENCRYPTION_KEYS), in batches, then opens every record again to
 * prove it decrypts. Prints counts only. Exits 1 if any record failed or is
 * still under another key; run it again after fixing the keyring (records
 * already re-wrapped are skipped). See docs/vault.md for the whole procedure.
 */
const BATCH = 500;

async function main(): Promise<number> {
  const ring = keyring();
  const client = db();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`Active master key: ${ring.activeId} (keyring: ${[...ring.keys.keys()].join(', ')})`);

  const vault = await rewrapVault(client, { ring, batchSize: BATCH });
  say(
    `payment_methods_vault: ${vault.rows} rows, ${vault.rewrapped} records re-wrapped, ${vault.alreadyCurrent} already under ${ring.activeId}, ${vault.failed.length} failed`,
  );
  const pii = await rewrapCustomerPii(client, { ring, batchSize: BATCH });
  say(
    `customers.encrypted_pii: ${pii.rows} rows, ${pii.rewrapped} re-wrapped, ${pii.alreadyCurrent} already under ${ring.activeId}, ${pii.failed.length} failed`,
  );

  const secrets = await rewrapWebhookSecrets(client, { ring, batchSize: BATCH });
  say(
    `webhook_endpoints secrets: ${secrets.rows} endpoints, ${secrets.rewrapped} re-wrapped, ${secrets.alreadyCurrent} already under ${ring.activeId}, ${secrets.failed.length} failed`,
  );

  const events = await rewrapEventData(client, { ring, batchSize: BATCH });
  say(
    `events.sealed_data: ${events.rows} events, ${events.rewrapped} re-wrapped, ${events.alreadyCurrent} already under ${ring.activeId}, ${events.failed.length} failed`,
  );

  const checkVault = await verifyVault(client, { ring, batchSize: BATCH });
  const checkPii = await verifyCustomerPii(client, { ring, batchSize: BATCH });
  say(
    `Verified: vault ${checkVault.opened} records opened in ${checkVault.rows} rows (${checkVault.notActive} not under the active key, ${checkVault.failed.length} failed); customers ${checkPii.opened} of ${checkPii.rows} opened (${checkPii.notActive} not under the active key, ${checkPii.failed.length} failed)`,
  );

  const checkSecrets = await verifyWebhookSecrets(client, { ring, batchSize: BATCH });
  say(
    `Verified: webhook secrets of ${checkSecrets.opened} of ${checkSecrets.rows} endpoints opened (${checkSecrets.notActive} not under the active key, ${checkSecrets.failed.length} failed)`,
  );

  const checkEvents = await verifyEventData(client, { ring, batchSize: BATCH });
  say(
    `Verified: sealed data of ${checkEvents.opened} of ${checkEvents.rows} events opened (${checkEvents.notActive} not under the active key, ${checkEvents.failed.length} failed)`,
  );

  const failed = [
    ...events.failed,
    ...checkEvents.failed,
    ...vault.failed,
    ...checkVault.failed,
    ...pii.failed,
    ...checkPii.failed,
    ...secrets.failed,
    ...checkSecrets.failed,
  ];
  if (failed.length > 0) {
    // Ids only (tokens and customer UUIDs are not secret): the operator needs to know which.
    say(
      `Records that could not be opened (is their master key still in ENCRYPTION_KEYS?): ${[...new Set(failed)].join(', ')}`,
    );
  }
  return failed.length > 0 ||
    checkVault.notActive > 0 ||
    checkPii.notActive > 0 ||
    checkSecrets.notActive > 0 ||
    checkEvents.notActive > 0
    ? 1
    : 0;
}

main()
  .then(async (code) => {
    await disconnectDb();
    await disconnectRedis();
    process.exit(code);
  })
  .catch(async (err: unknown) => {
    process.stderr.write(`vault:rotate failed: ${(err as Error).message}\n`);
    await disconnectDb();
    await disconnectRedis();
    process.exit(1);
  });
