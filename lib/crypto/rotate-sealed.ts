import type { Db, DbTx } from '@/lib/db/client';
import { keyring, open, rewrap, type Keyring } from './envelope';

/**
 * Master-key rotation for one kind of sealed record (`npm run vault:rotate`
 * runs it for each): batches in id order, one transaction per batch with the
 * batch's rows locked, records already under the active key left alone; then
 * every record is opened to prove it still decrypts. A record whose master key
 * is not in the keyring is reported by id and left as it is.
 *
 * A store says where its records live; its ids must not be secret, since
 * failures are printed.
 */
export interface SealedRecord {
  id: string;
  ciphertext: Uint8Array;
  keyId: string;
  /** The additional authenticated data the record was sealed with. */
  context: string;
}

export interface SealedStore {
  /** What the report calls it, e.g. `users.totp_secret_encrypted`. */
  name: string;
  /** Up to `limit` sealed records with id > `after`, by id; `lock` = FOR UPDATE. */
  batch(tx: DbTx | Db, after: string | null, limit: number, lock: boolean): Promise<SealedRecord[]>;
  write(tx: DbTx, id: string, ciphertext: Buffer, keyId: string): Promise<void>;
}

export interface RotationOptions {
  ring?: Keyring;
  batchSize?: number;
}

export interface SealedRotationResult {
  rows: number;
  rewrapped: number;
  alreadyCurrent: number;
  failed: string[];
}

export interface SealedVerifyResult {
  rows: number;
  opened: number;
  notActive: number;
  failed: string[];
}

const BATCH = 500;

export async function rewrapSealed(
  client: Db,
  store: SealedStore,
  options: RotationOptions = {},
): Promise<SealedRotationResult> {
  const ring = options.ring ?? keyring();
  const result: SealedRotationResult = { rows: 0, rewrapped: 0, alreadyCurrent: 0, failed: [] };
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const rows = await client.$transaction(async (tx) => {
      const batch = await store.batch(tx, from, options.batchSize ?? BATCH, true);
      for (const row of batch) {
        result.rows++;
        if (row.keyId === ring.activeId) {
          result.alreadyCurrent++;
          continue;
        }
        let sealed;
        try {
          sealed = rewrap(row.ciphertext, row.keyId, row.context, ring);
        } catch {
          result.failed.push(row.id); // its master key is not in the keyring
          continue;
        }
        await store.write(tx, row.id, sealed.ciphertext, sealed.keyId);
        result.rewrapped++;
      }
      return batch;
    });
    if (rows.length === 0) return result;
    after = rows.at(-1)!.id;
  }
}

export async function verifySealed(
  client: Db,
  store: SealedStore,
  options: RotationOptions = {},
): Promise<SealedVerifyResult> {
  const ring = options.ring ?? keyring();
  const result: SealedVerifyResult = { rows: 0, opened: 0, notActive: 0, failed: [] };
  let after: string | null = null;
  for (;;) {
    const rows = await store.batch(client, after, options.batchSize ?? BATCH, false);
    if (rows.length === 0) return result;
    for (const row of rows) {
      result.rows++;
      try {
        open(row.ciphertext, row.keyId, row.context, ring);
        result.opened++;
        if (row.keyId !== ring.activeId) result.notActive++;
      } catch {
        result.failed.push(row.id);
      }
    }
    after = rows.at(-1)!.id;
  }
}

/** Several stores as one (e.g. the two secret slots of an endpoint), counts summed. */
export async function rewrapSealedStores(
  client: Db,
  stores: SealedStore[],
  options: RotationOptions = {},
): Promise<SealedRotationResult> {
  const total: SealedRotationResult = { rows: 0, rewrapped: 0, alreadyCurrent: 0, failed: [] };
  for (const store of stores) {
    const r = await rewrapSealed(client, store, options);
    total.rows += r.rows;
    total.rewrapped += r.rewrapped;
    total.alreadyCurrent += r.alreadyCurrent;
    total.failed.push(...r.failed);
  }
  return total;
}

export async function verifySealedStores(
  client: Db,
  stores: SealedStore[],
  options: RotationOptions = {},
): Promise<SealedVerifyResult> {
  const total: SealedVerifyResult = { rows: 0, opened: 0, notActive: 0, failed: [] };
  for (const store of stores) {
    const r = await verifySealed(client, store, options);
    total.rows += r.rows;
    total.opened += r.opened;
    total.notActive += r.notActive;
    total.failed.push(...r.failed);
  }
  return total;
}
