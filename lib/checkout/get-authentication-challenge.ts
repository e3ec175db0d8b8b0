import { fromPublicId } from '@/lib/api/object-id';
import { db } from '@/lib/db/client';
import { getMerchantBranding } from '@/lib/merchants/get-merchant-branding';
import { validAuthenticationToken } from '@/lib/payments/authentication-url';
import { findPayment, paymentScope } from '@/lib/payments/repository';
import { statusOfPayment } from '@/lib/payments/status';
import { cardSummaries, type CardSummary } from '@/lib/vault';
import { checkoutPageUrl } from './checkout-session-object';
import { findSessionByPayment } from './repository';
import { checkoutSessionId } from './session-id';

/** What the 3-D Secure challenge page (app/authenticate/[id]) shows. */
export interface AuthenticationChallengeView {
  paymentIntentId: string;
  livemode: boolean;
  merchant: { name: string; brandColor: string | null; logoUrl: string | null };
  amount: number;
  /** Upper case ISO 4217. */
  currency: string;
  brand: string | null;
  last4: string | null;
  /** `pending`: waiting for the customer; otherwise the challenge is over. */
  state: 'pending' | 'succeeded' | 'failed' | 'closed';
  /** For a checkout payment: its hosted page (where the customer continues). */
  checkoutUrl: string | null;
}

/**
 * The challenge behind `/authenticate/<pi id>?token=…`, or null when the id
 * or the token does not match (one answer for both: the page is a 404). The
 * token is bound to the payment's current attempt.
 */
export async function getAuthenticationChallenge(
  publicId: string,
  token: string,
): Promise<AuthenticationChallengeView | null> {
  const id = fromPublicId('pi', publicId);
  if (!id || !token) return null;
  const client = db();
  const scope = await paymentScope(client, id);
  if (!scope) return null;
  const payment = await findPayment(client, scope, id);
  if (!payment || !validAuthenticationToken(publicId, payment.attempts, token)) return null;
  const [merchant, session, cards] = await Promise.all([
    getMerchantBranding(client, scope.merchantId),
    findSessionByPayment(client, scope, id),
    payment.paymentMethodToken
      ? cardSummaries(client, scope, [payment.paymentMethodToken])
      : Promise.resolve(new Map<string, CardSummary>()),
  ]);
  if (!merchant) return null;
  const card = payment.paymentMethodToken ? cards.get(payment.paymentMethodToken) : undefined;
  const status = statusOfPayment(payment);
  const error = payment.lastPaymentError as { code?: string } | null;
  const state =
    status === 'requires_action'
      ? 'pending'
      : status === 'succeeded' || status === 'requires_capture'
        ? 'succeeded'
        : status === 'requires_payment_method' && error?.code
          ? 'failed'
          : 'closed';
  return {
    paymentIntentId: publicId,
    livemode: payment.livemode,
    merchant: { name: merchant.name, brandColor: merchant.brandColor, logoUrl: merchant.logoUrl },
    amount: Number(payment.amount),
    currency: payment.currency,
    brand: card?.brand ?? null,
    last4: card?.last4 ?? null,
    state,
    checkoutUrl: session ? checkoutPageUrl(checkoutSessionId(session.id, session.livemode)) : null,
  };
}
