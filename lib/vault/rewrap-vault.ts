import type { Db } from '@/lib/db/client';
import { keyring, type Keyring } from '@/lib/crypto/envelope';
import { forgetPaymentMethods } from './cache';
import { lockSealedBatch, sealedBatch, writeSealed, type SealedColumns } from './repository';
import { openBilling, openCard, rewrapBilling, rewrapCard } from './sealing';

/**
 * Master-key rotation for the vault. Every record's data key is re-wrapped
 * under the keyring's active master key (the card and billing ciphertexts
 * themselves are unchanged), one batch of rows per transaction, rows locked
 * while they are rewritten. Records already under the active key are left
 * alone, so the command can be run again after an interruption.
 *
 * verifyVault then opens every record with the keyring to prove it still
 * decrypts; the plaintext is discarded at once and nothing of it is printed.
 */
export interface RotationOptions {
  /** Defaults to the configured keyring (ENCRYPTION_KEYS, ENCRYPTION_ACTIVE_KEY_ID). */
  ring?: Keyring;
  batchSize?: number;
}

export interface RewrapResult {
  rows: number;
  /** Sealed records (card or billing) re-wrapped under the active key. */
  rewrapped: number;
  alreadyCurrent: number;
  /** Tokens whose records could not be opened (their master key is not in the keyring). */
  failed: string[];
}

const BATCH = 500;

export async function rewrapVault(client: Db, options: RotationOptions = {}): Promise<RewrapResult> {
  const ring = options.ring ?? keyring();
  const result: RewrapResult = { rows: 0, rewrapped: 0, alreadyCurrent: 0, failed: [] };
  let after = '';
  for (;;) {
    const changed: string[] = [];
    const batch = await client.$transaction(async (tx) => {
      const rows = await lockSealedBatch(tx, after, options.batchSize ?? BATCH);
      for (const row of rows) {
        result.rows++;
        let data: Parameters<typeof writeSealed>[2];
        try {
          data = rewrapped(row, ring, result);
        } catch {
          result.failed.push(row.token);
          continue;
        }
        const count = Object.keys(data).length / 2;
        if (count > 0) {
          await writeSealed(tx, row.token, data);
          result.rewrapped += count;
          changed.push(row.token);
        }
      }
      return rows;
    });
    // Cached entries carry the billing ciphertext: drop the ones just re-wrapped.
    await forgetPaymentMethods(changed);
    if (batch.length === 0) return result;
    after = batch.at(-1)!.token;
  }
}

/** The new sealed columns of a row (only those not already under the active key). */
function rewrapped(
  row: SealedColumns,
  ring: Keyring,
  result: RewrapResult,
): Parameters<typeof writeSealed>[2] {
  const data: Parameters<typeof writeSealed>[2] = {};
  if (row.encryptionKeyId !== ring.activeId) {
    const sealed = rewrapCard(row.token, row.encryptedData, row.encryptionKeyId, ring);
    data.encryptedData = new Uint8Array(sealed.ciphertext);
    data.encryptionKeyId = sealed.keyId;
  } else result.alreadyCurrent++;
  if (row.encryptedBillingDetails && row.billingDetailsKeyId) {
    if (row.billingDetailsKeyId !== ring.activeId) {
      const sealed = rewrapBilling(row.token, row.encryptedBillingDetails, row.billingDetailsKeyId, ring);
      data.encryptedBillingDetails = new Uint8Array(sealed.ciphertext);
      data.billingDetailsKeyId = sealed.keyId;
    } else result.alreadyCurrent++;
  }
  return data;
}

export interface VerifyResult {
  rows: number;
  /** Sealed records opened successfully. */
  opened: number;
  /** Records still wrapped by another key than the active one. */
  notActive: number;
  failed: string[];
}

export async function verifyVault(client: Db, options: RotationOptions = {}): Promise<VerifyResult> {
  const ring = options.ring ?? keyring();
  const result: VerifyResult = { rows: 0, opened: 0, notActive: 0, failed: [] };
  let after = '';
  for (;;) {
    const rows = await sealedBatch(client, after, options.batchSize ?? BATCH);
    if (rows.length === 0) return result;
    for (const row of rows) {
      result.rows++;
      try {
        const card = openCard(row.token, row.encryptedData, row.encryptionKeyId, ring);
        if (!/^\d{12,19}$/.test(card.number)) throw new Error('not a card');
        result.opened++;
        if (row.encryptionKeyId !== ring.activeId) result.notActive++;
        if (row.encryptedBillingDetails && row.billingDetailsKeyId) {
          openBilling(row.token, row.encryptedBillingDetails, row.billingDetailsKeyId, ring);
          result.opened++;
          if (row.billingDetailsKeyId !== ring.activeId) result.notActive++;
        }
      } catch {
        result.failed.push(row.token);
      }
    }
    after = rows.at(-1)!.token;
  }
}
