import { invalidRequest } from '@/lib/api/errors';
import type { MetadataParam } from '@/lib/api/params';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { objectFromRow } from './payment-method-object';
import type { BillingDetailsParam, PaymentMethodObject } from './schemas';
import { storeCard } from './store-card';
import type { Scope } from './types';
import { validateCard } from './validate-card';

export interface CreateCardInput {
  number: string;
  expMonth: number;
  expYear: number;
  /** Checked for format, reported as cvc_check, handed to no one here and never stored. */
  cvc?: string;
  billingDetails?: BillingDetailsParam;
  metadata?: MetadataParam;
  customerId?: string | null;
  /** 'api': an integrator sent the number; 'checkout': our hosted checkout collected it. */
  source: 'api' | 'checkout';
}

/**
 * Live card numbers reach the platform only through the hosted checkout: an
 * API key in live mode may not send raw card data (test mode may, as at Stripe).
 */
export function refuseLiveRawCard(scope: Scope, source: 'api' | 'checkout'): void {
  if (scope.livemode && source === 'api') {
    throw invalidRequest(
      'Sending card numbers to the API is not allowed in live mode. Collect cards with the hosted checkout, which sends them straight to the vault; in test mode, card numbers and test tokens (pm_card_visa, tok_visa, …) are accepted.',
      { code: 'live_card_data_not_allowed', param: 'card[number]' },
    );
  }
}

export async function createCardPaymentMethod(
  tx: DbTx,
  scope: Scope,
  input: CreateCardInput,
): Promise<PaymentMethodObject> {
  refuseLiveRawCard(scope, input.source);
  const card = validateCard(input, clock.now());
  const row = await storeCard(tx, scope, card, input);
  return objectFromRow(row);
}
