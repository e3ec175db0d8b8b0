import type { Db } from '@/lib/db/client';
import { keyring, type Keyring } from '@/lib/crypto/envelope';
import { checkPiiOpens, rewrapPii } from './pii';
import { lockSealedPiiBatch, sealedPiiBatch, writeSealedPii } from './repository';

/**
 * Master-key rotation for customers' sealed PII (same envelope module as the
 * card vault; `npm run vault:rotate` runs both). One batch per transaction,
 * records already under the active key left alone; then every record is opened
 * to prove it still decrypts.
 */
const BATCH = 500;

export interface PiiRotationResult {
  rows: number;
  rewrapped: number;
  alreadyCurrent: number;
  failed: string[];
}

export async function rewrapCustomerPii(
  client: Db,
  options: { ring?: Keyring; batchSize?: number } = {},
): Promise<PiiRotationResult> {
  const ring = options.ring ?? keyring();
  const result: PiiRotationResult = { rows: 0, rewrapped: 0, alreadyCurrent: 0, failed: [] };
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const rows = await client.$transaction(async (tx) => {
      const batch = await lockSealedPiiBatch(tx, from, options.batchSize ?? BATCH);
      for (const row of batch) {
        result.rows++;
        if (row.encryptionKeyId === ring.activeId) {
          result.alreadyCurrent++;
          continue;
        }
        let sealed;
        try {
          sealed = rewrapPii(row.id, row.encryptedPii, row.encryptionKeyId, ring);
        } catch {
          result.failed.push(row.id); // its master key is not in the keyring
          continue;
        }
        await writeSealedPii(tx, row.id, new Uint8Array(sealed.ciphertext), sealed.keyId);
        result.rewrapped++;
      }
      return batch;
    });
    if (rows.length === 0) return result;
    after = rows.at(-1)!.id;
  }
}

export async function verifyCustomerPii(
  client: Db,
  options: { ring?: Keyring; batchSize?: number } = {},
): Promise<{ rows: number; opened: number; notActive: number; failed: string[] }> {
  const ring = options.ring ?? keyring();
  const result = { rows: 0, opened: 0, notActive: 0, failed: [] as string[] };
  let after: string | null = null;
  for (;;) {
    const rows = await sealedPiiBatch(client, after, options.batchSize ?? BATCH);
    if (rows.length === 0) return result;
    for (const row of rows) {
      result.rows++;
      try {
        checkPiiOpens(row.id, row.encryptedPii, row.encryptionKeyId, ring);
        result.opened++;
        if (row.encryptionKeyId !== ring.activeId) result.notActive++;
      } catch {
        result.failed.push(row.id);
      }
    }
    after = rows.at(-1)!.id;
  }
}
