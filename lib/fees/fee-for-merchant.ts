import type { DbTx } from '@/lib/db/client';
import { chargeFee } from './charge-fee';

/**
 * The fee of one charge under the merchant's `fee_structure`, read in the
 * payment's own transaction (a second pooled connection per payment would
 * starve the pool under load).
 */
export async function feeFor(
  tx: DbTx,
  merchantId: string,
  currency: string,
  amount: number,
): Promise<number> {
  const rows = await tx.$queryRaw<{ fee_structure: unknown }[]>`
    SELECT fee_structure FROM merchants WHERE id = ${merchantId}::uuid`;
  return chargeFee(amount, currency, rows[0]?.fee_structure ?? null);
}
