import { resourceMissing } from '@/lib/api/errors';
import { fromPublicId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import { chargeObjectFor, type ChargeObject } from './charge-object';
import { findPayment, hasCharge, type Scope } from './repository';

/** A charge of this merchant and mode; anything else (another merchant's, a payment never charged) is "No such charge". */
export async function getCharge(tx: DbTx, scope: Scope, chargeId: string): Promise<ChargeObject> {
  const paymentId = fromPublicId('ch', chargeId);
  const row = paymentId ? await findPayment(tx, scope, paymentId) : null;
  if (!row || !hasCharge(row)) throw resourceMissing('charge', chargeId);
  return chargeObjectFor(tx, scope, row);
}
