import { mergeMetadata } from '@/lib/api/params';
import type { DbTx } from '@/lib/db/client';
import { billingFromParams } from './billing-details';
import { forgetPaymentMethods } from './cache';
import { objectFromRow } from './payment-method-object';
import { lockVaultRow, updateVaultDetails } from './repository';
import type { PaymentMethodObject, UpdatePaymentMethodParams } from './schemas';
import { openBilling, sealBilling } from './sealing';
import { isVaultToken, type Scope } from './types';

/**
 * Billing details and metadata (the card itself never changes). The row is
 * locked while its sealed billing details are opened, changed and sealed
 * again. Null: no such PaymentMethod.
 */
export async function updatePaymentMethod(
  tx: DbTx,
  scope: Scope,
  token: string,
  params: UpdatePaymentMethodParams,
): Promise<PaymentMethodObject | null> {
  if (!isVaultToken(token)) return null;
  const row = await lockVaultRow(tx, scope, token);
  if (!row) return null;
  const billing = billingFromParams(
    params.billing_details,
    openBilling(row.token, row.encryptedBillingDetails, row.billingDetailsKeyId),
  );
  const updated = await updateVaultDetails(tx, token, {
    metadata: mergeMetadata(row.metadata as Record<string, string>, params.metadata),
    ...sealBilling(token, billing),
  });
  await forgetPaymentMethods([token]);
  return objectFromRow(updated);
}
