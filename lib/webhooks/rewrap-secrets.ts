import { keyring, open, rewrap, type Keyring } from '@/lib/crypto/envelope';
import type { Db } from '@/lib/db/client';
import { sealedSecretsBatch, writeSealedSecrets, type SealedSecrets } from './repository';
import { secretContext as context, type SecretSlot } from './secrets';

/**
 * Master-key rotation for endpoint signing secrets (`npm run vault:rotate`
 * runs it beside the vault's and customers'): each sealed secret not under the
 * active key is re-wrapped (its data key only), one batch per transaction;
 * then every secret is opened to prove it still decrypts.
 */
const BATCH = 500;

export interface SecretRotationResult {
  rows: number;
  rewrapped: number;
  alreadyCurrent: number;
  failed: string[];
}

function slots(row: SealedSecrets) {
  const out: { slot: SecretSlot; ciphertext: Uint8Array; keyId: string }[] = [
    { slot: 'secret', ciphertext: row.secretCiphertext, keyId: row.secretKeyId },
  ];
  if (row.previousSecretCiphertext && row.previousSecretKeyId) {
    out.push({
      slot: 'previous_secret',
      ciphertext: row.previousSecretCiphertext,
      keyId: row.previousSecretKeyId,
    });
  }
  return out;
}

export async function rewrapWebhookSecrets(
  client: Db,
  options: { ring?: Keyring; batchSize?: number } = {},
): Promise<SecretRotationResult> {
  const ring = options.ring ?? keyring();
  const result: SecretRotationResult = { rows: 0, rewrapped: 0, alreadyCurrent: 0, failed: [] };
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const rows = await client.$transaction(async (tx) => {
      const batch = await sealedSecretsBatch(tx, from, options.batchSize ?? BATCH, true);
      for (const row of batch) {
        result.rows++;
        const update: Parameters<typeof writeSealedSecrets>[2] = {};
        try {
          for (const s of slots(row)) {
            if (s.keyId === ring.activeId) continue;
            const sealed = rewrap(s.ciphertext, s.keyId, context(row.id, s.slot), ring);
            if (s.slot === 'secret') {
              update.secretCiphertext = new Uint8Array(sealed.ciphertext);
              update.secretKeyId = sealed.keyId;
            } else {
              update.previousSecretCiphertext = new Uint8Array(sealed.ciphertext);
              update.previousSecretKeyId = sealed.keyId;
            }
          }
        } catch {
          result.failed.push(row.id); // its master key is not in the keyring
          continue;
        }
        if (Object.keys(update).length === 0) {
          result.alreadyCurrent++;
          continue;
        }
        await writeSealedSecrets(tx, row.id, update);
        result.rewrapped++;
      }
      return batch;
    });
    if (rows.length === 0) return result;
    after = rows.at(-1)!.id;
  }
}

export async function verifyWebhookSecrets(
  client: Db,
  options: { ring?: Keyring; batchSize?: number } = {},
): Promise<{ rows: number; opened: number; notActive: number; failed: string[] }> {
  const ring = options.ring ?? keyring();
  const result = { rows: 0, opened: 0, notActive: 0, failed: [] as string[] };
  let after: string | null = null;
  for (;;) {
    const rows = await sealedSecretsBatch(client, after, options.batchSize ?? BATCH, false);
    if (rows.length === 0) return result;
    for (const row of rows) {
      result.rows++;
      try {
        for (const s of slots(row)) {
          open(s.ciphertext, s.keyId, context(row.id, s.slot), ring);
          if (s.keyId !== ring.activeId) result.notActive++;
        }
        result.opened++;
      } catch {
        result.failed.push(row.id);
      }
    }
    after = rows.at(-1)!.id;
  }
}
