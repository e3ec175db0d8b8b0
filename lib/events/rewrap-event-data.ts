import { keyring, open, rewrap, type Keyring } from '@/lib/crypto/envelope';
import type { Db } from '@/lib/db/client';
import { eventDataContext } from './sealed-data';
import { sealedEventBatch, writeSealedEventData } from './repository';

/**
 * Master-key rotation for sealed event data (customer.* and payment_method.*
 * events; `npm run vault:rotate` runs it beside the vault's): each record not
 * under the active key is re-wrapped (its data key only), one batch per
 * transaction; then every record is opened to prove it still decrypts.
 */
const BATCH = 500;

export interface EventRotationResult {
  rows: number;
  rewrapped: number;
  alreadyCurrent: number;
  failed: string[];
}

export async function rewrapEventData(
  client: Db,
  options: { ring?: Keyring; batchSize?: number } = {},
): Promise<EventRotationResult> {
  const ring = options.ring ?? keyring();
  const result: EventRotationResult = { rows: 0, rewrapped: 0, alreadyCurrent: 0, failed: [] };
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const rows = await client.$transaction(async (tx) => {
      const batch = await sealedEventBatch(tx, from, options.batchSize ?? BATCH, true);
      for (const row of batch) {
        result.rows++;
        if (row.dataKeyId === ring.activeId) {
          result.alreadyCurrent++;
          continue;
        }
        try {
          const sealed = rewrap(row.sealedData, row.dataKeyId, eventDataContext(row.id), ring);
          await writeSealedEventData(tx, row.id, { sealedData: sealed.ciphertext, dataKeyId: sealed.keyId });
          result.rewrapped++;
        } catch {
          result.failed.push(row.id); // its master key is not in the keyring
        }
      }
      return batch;
    });
    if (rows.length === 0) return result;
    after = rows.at(-1)!.id;
  }
}

export async function verifyEventData(
  client: Db,
  options: { ring?: Keyring; batchSize?: number } = {},
): Promise<{ rows: number; opened: number; notActive: number; failed: string[] }> {
  const ring = options.ring ?? keyring();
  const result = { rows: 0, opened: 0, notActive: 0, failed: [] as string[] };
  let after: string | null = null;
  for (;;) {
    const rows = await sealedEventBatch(client, after, options.batchSize ?? BATCH, false);
    if (rows.length === 0) return result;
    for (const row of rows) {
      result.rows++;
      try {
        open(row.sealedData, row.dataKeyId, eventDataContext(row.id), ring);
        if (row.dataKeyId !== ring.activeId) result.notActive++;
        result.opened++;
      } catch {
        result.failed.push(row.id);
      }
    }
    after = rows.at(-1)!.id;
  }
}
