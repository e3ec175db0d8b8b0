import type { DbTx } from '@/lib/db/client';
import type { PaymentMethodVault } from '@/lib/db/generated/client';
import type { Scope } from './types';

/**
 * The only code that queries `payment_methods_vault`. Every read takes the
 * merchant and the mode: another merchant's card, or the other mode's, is
 * simply not found. Rows carry ciphertext; only lib/vault opens it.
 */
export type VaultRow = PaymentMethodVault;

export interface VaultInsert {
  token: string;
  customerId: string | null;
  encryptedData: Uint8Array<ArrayBuffer>;
  encryptionKeyId: string;
  fingerprint: string;
  lastFour: string;
  brand: string;
  expiresAt: Date;
  funding: string;
  country: string | null;
  cvcCheck: string | null;
  metadata: Record<string, string>;
  encryptedBillingDetails: Uint8Array<ArrayBuffer> | null;
  billingDetailsKeyId: string | null;
  createdAt: Date;
}

export function insertVaultRow(tx: DbTx, scope: Scope, data: VaultInsert): Promise<VaultRow> {
  return tx.paymentMethodVault.create({
    data: {
      ...data,
      merchantId: scope.merchantId,
      livemode: scope.livemode,
      paymentMethodType: 'card',
      isActive: true,
    },
  });
}

export function findVaultRow(tx: DbTx, scope: Scope, token: string): Promise<VaultRow | null> {
  return tx.paymentMethodVault.findFirst({
    where: { token, merchantId: scope.merchantId, livemode: scope.livemode },
  });
}

/** The row, locked until the transaction ends: attach/detach/update read, decide and write. */
export async function lockVaultRow(tx: DbTx, scope: Scope, token: string): Promise<VaultRow | null> {
  const rows = await tx.$queryRaw<{ token: string }[]>`
    SELECT token FROM payment_methods_vault
    WHERE token = ${token} AND merchant_id = ${scope.merchantId}::uuid AND livemode = ${scope.livemode}
    FOR UPDATE`;
  if (rows.length === 0) return null;
  return findVaultRow(tx, scope, token);
}

/** The token of the card (by stored fingerprint) this customer already has, if any. */
export async function attachedTokenWithFingerprint(
  tx: DbTx,
  customerId: string,
  fingerprint: string,
): Promise<string | null> {
  const row = await tx.paymentMethodVault.findFirst({
    where: { customerId, fingerprint },
    select: { token: true },
  });
  return row?.token ?? null;
}

export function setVaultCustomer(tx: DbTx, token: string, customerId: string): Promise<VaultRow> {
  return tx.paymentMethodVault.update({ where: { token }, data: { customerId } });
}

export function markVaultDetached(tx: DbTx, token: string, at: Date): Promise<VaultRow> {
  return tx.paymentMethodVault.update({
    where: { token },
    data: { customerId: null, isActive: false, detachedAt: at },
  });
}

export function updateVaultDetails(
  tx: DbTx,
  token: string,
  data: {
    metadata: Record<string, string>;
    encryptedBillingDetails: Uint8Array<ArrayBuffer> | null;
    billingDetailsKeyId: string | null;
  },
): Promise<VaultRow> {
  return tx.paymentMethodVault.update({ where: { token }, data });
}

export async function touchVaultLastUsed(tx: DbTx, token: string, at: Date): Promise<void> {
  await tx.paymentMethodVault.update({ where: { token }, data: { lastUsedAt: at }, select: { token: true } });
}

/** Every token attached to this customer (of this merchant and mode), newest first. */
export async function customerVaultTokens(tx: DbTx, scope: Scope, customerId: string): Promise<string[]> {
  const rows = await tx.paymentMethodVault.findMany({
    where: { customerId, merchantId: scope.merchantId, livemode: scope.livemode },
    orderBy: [{ createdAt: 'desc' }, { token: 'desc' }],
    select: { token: true },
  });
  return rows.map((r) => r.token);
}

export function findVaultRows(tx: DbTx, scope: Scope, tokens: string[]): Promise<VaultRow[]> {
  return tx.paymentMethodVault.findMany({
    where: { token: { in: tokens }, merchantId: scope.merchantId, livemode: scope.livemode },
  });
}

/** Brand, last four and expiry of the given tokens: no ciphertext, no billing details. */
export function findCardSummaryRows(tx: DbTx, scope: Scope, tokens: string[]) {
  return tx.paymentMethodVault.findMany({
    where: { token: { in: tokens }, merchantId: scope.merchantId, livemode: scope.livemode },
    select: { token: true, brand: true, lastFour: true, expiresAt: true },
  });
}

/** A customer's attached cards as summaries, newest first. */
export function findCustomerCardSummaryRows(tx: DbTx, scope: Scope, customerId: string) {
  return tx.paymentMethodVault.findMany({
    where: { customerId, merchantId: scope.merchantId, livemode: scope.livemode },
    orderBy: [{ createdAt: 'desc' }, { token: 'desc' }],
    select: { token: true, brand: true, lastFour: true, expiresAt: true },
  });
}

// ---------------------------------------------------------------------------
// Key rotation: every row, whatever its merchant, in batches by token.
// ---------------------------------------------------------------------------
export type SealedColumns = Pick<
  VaultRow,
  'token' | 'encryptedData' | 'encryptionKeyId' | 'encryptedBillingDetails' | 'billingDetailsKeyId'
>;

const SEALED = {
  token: true,
  encryptedData: true,
  encryptionKeyId: true,
  encryptedBillingDetails: true,
  billingDetailsKeyId: true,
} as const;

/** The next batch after `after` (by token), locked: rotation rewrites them in this transaction. */
export async function lockSealedBatch(tx: DbTx, after: string, limit: number): Promise<SealedColumns[]> {
  const rows = await tx.$queryRaw<{ token: string }[]>`
    SELECT token FROM payment_methods_vault WHERE token > ${after} ORDER BY token LIMIT ${limit} FOR UPDATE`;
  if (rows.length === 0) return [];
  return tx.paymentMethodVault.findMany({
    where: { token: { in: rows.map((r) => r.token) } },
    select: SEALED,
    orderBy: { token: 'asc' },
  });
}

export function sealedBatch(tx: DbTx, after: string, limit: number): Promise<SealedColumns[]> {
  return tx.paymentMethodVault.findMany({
    where: { token: { gt: after } },
    select: SEALED,
    orderBy: { token: 'asc' },
    take: limit,
  });
}

export async function writeSealed(
  tx: DbTx,
  token: string,
  data: Partial<Omit<SealedColumns, 'token'>>,
): Promise<void> {
  await tx.paymentMethodVault.update({ where: { token }, data, select: { token: true } });
}
