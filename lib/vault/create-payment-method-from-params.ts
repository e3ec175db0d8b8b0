import { invalidRequest, resourceMissing } from '@/lib/api/errors';
import type { DbTx } from '@/lib/db/client';
import { createCardPaymentMethod, refuseLiveRawCard } from './create-card-payment-method';
import { objectFromRow } from './payment-method-object';
import { storeTestToken } from './resolve-payment-method';
import type { CreatePaymentMethodParams, PaymentMethodObject } from './schemas';
import type { Scope } from './types';

/**
 * POST /v1/payment_methods: raw card fields (test mode), or `card[token]` with
 * a Stripe test token such as `tok_visa` (test mode). API keys are source 'api'.
 */
export async function createPaymentMethodFromParams(
  tx: DbTx,
  scope: Scope,
  params: CreatePaymentMethodParams,
): Promise<PaymentMethodObject> {
  const { card } = params;
  if (card.token !== undefined) {
    if (card.number !== undefined || card.cvc !== undefined) {
      throw invalidRequest('Send either card[token] or the card fields, not both.', {
        code: 'parameter_invalid',
        param: 'card[token]',
      });
    }
    const row = await storeTestToken(tx, scope, card.token, null);
    if (!row) throw resourceMissing('token', card.token, 'card[token]');
    return objectFromRow(row);
  }
  refuseLiveRawCard(scope, 'api');
  if (card.number === undefined) throw missing('card[number]');
  if (card.exp_month === undefined) throw missing('card[exp_month]');
  if (card.exp_year === undefined) throw missing('card[exp_year]');
  return createCardPaymentMethod(tx, scope, {
    number: card.number,
    expMonth: card.exp_month,
    expYear: card.exp_year,
    ...(card.cvc !== undefined ? { cvc: card.cvc } : {}),
    billingDetails: params.billing_details,
    metadata: params.metadata,
    source: 'api',
  });
}

const missing = (param: string) =>
  invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
