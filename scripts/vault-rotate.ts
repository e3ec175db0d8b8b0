import '@/lib/env'; // validates the configuration first
import { totpSecretStore } from '@/lib/account/rewrap-two-factor-secrets';
import { idempotencyResponseStore } from '@/lib/api/rewrap-idempotency-responses';
import { keyring } from '@/lib/crypto/envelope';
import { rewrapSealed, verifySealed, type SealedStore } from '@/lib/crypto/rotate-sealed';
import { customerPiiStore } from '@/lib/customers/rewrap-pii';
import { db, disconnectDb } from '@/lib/db/client';
import { disconnectRedis } from '@/lib/cache/redis';
import { rewrapVault, verifyVault } from '@/lib/vault';
import { attemptBodyStore } from '@/lib/webhooks/attempt-body';
import { webhookSecretStores } from '@/lib/webhooks/rewrap-secrets';
import { eventDataStore } from '@/lib/events/rewrap-event-data';

/**
 * npm run vault:rotate
 *
 * Re-wraps every sealed record under ENCRYPTION_ACTIVE_KEY_ID (default: the
 * last key of ENCRYPTION_KEYS), in batches: the card vault (cards and billing
 * details), customers' PII, users' two-factor secrets, webhook signing secrets,
 * the personal data in customer and payment-method events and in webhook
 * delivery logs, and the stored responses of idempotent requests. Then opens every record again to prove it decrypts.
 * Prints counts only. Exits 1 if any record failed or is still under another
 * key; run it again after fixing the keyring (records already re-wrapped are
 * skipped). See docs/vault.md for the whole procedure.
 */
const BATCH = 500;

/** Every sealed column outside the card vault, one store each. */
const SEALED_STORES: SealedStore[] = [
  customerPiiStore,
  totpSecretStore,
  idempotencyResponseStore,
  ...webhookSecretStores,
  eventDataStore,
  attemptBodyStore,
];

async function main(): Promise<number> {
  const ring = keyring();
  const client = db();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`Active master key: ${ring.activeId} (keyring: ${[...ring.keys.keys()].join(', ')})`);

  const vault = await rewrapVault(client, { ring, batchSize: BATCH });
  say(
    `payment_methods_vault: ${vault.rows} rows, ${vault.rewrapped} records re-wrapped, ${vault.alreadyCurrent} already under ${ring.activeId}, ${vault.failed.length} failed`,
  );
  const failed = [...vault.failed];
  let notActive = 0;
  for (const store of SEALED_STORES) {
    const r = await rewrapSealed(client, store, { ring, batchSize: BATCH });
    say(
      `${store.name}: ${r.rows} rows, ${r.rewrapped} re-wrapped, ${r.alreadyCurrent} already under ${ring.activeId}, ${r.failed.length} failed`,
    );
    failed.push(...r.failed);
  }

  const checkVault = await verifyVault(client, { ring, batchSize: BATCH });
  say(
    `Verified: payment_methods_vault ${checkVault.opened} records opened in ${checkVault.rows} rows (${checkVault.notActive} not under the active key, ${checkVault.failed.length} failed)`,
  );
  failed.push(...checkVault.failed);
  notActive += checkVault.notActive;
  for (const store of SEALED_STORES) {
    const check = await verifySealed(client, store, { ring, batchSize: BATCH });
    say(
      `Verified: ${store.name} ${check.opened} of ${check.rows} opened (${check.notActive} not under the active key, ${check.failed.length} failed)`,
    );
    failed.push(...check.failed);
    notActive += check.notActive;
  }

  if (failed.length > 0) {
    // Ids only (tokens and row UUIDs are not secret): the operator needs to know which.
    say(
      `Records that could not be opened (is their master key still in ENCRYPTION_KEYS?): ${[...new Set(failed)].join(', ')}`,
    );
  }
  return failed.length > 0 || notActive > 0 ? 1 : 0;
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
