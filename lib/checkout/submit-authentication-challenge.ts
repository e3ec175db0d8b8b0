import { fromPublicId } from '@/lib/api/object-id';
import { db } from '@/lib/db/client';
import { log } from '@/lib/log';
import { validAuthenticationToken } from '@/lib/payments/authentication-url';
import { clientSecret } from '@/lib/payments/client-secret';
import {
  completePaymentAuthentication,
  type AuthenticationOutcome,
  type AuthenticationResult,
} from '@/lib/payments/complete-payment-authentication';
import { lockPayment, paymentScope } from '@/lib/payments/repository';
import { statusOfPayment } from '@/lib/payments/status';
import { checkoutPageUrl } from './checkout-session-object';
import { completeLockedSession } from './complete-checkout-session';
import { redirectUrlProblem } from './redirect-url';
import { lockSessionByPayment } from './repository';
import { checkoutSessionId } from './session-id';

export interface ChallengeSubmission {
  paymentIntentId: string;
  token: string;
  outcome: AuthenticationOutcome;
}

export interface ChallengeAnswer {
  result: AuthenticationResult['result'];
  /**
   * Where the customer goes next: the checkout page of a checkout payment, or
   * the intent's return_url with Stripe's query parameters. Null when there is
   * nowhere to go (no return_url, or one we will not redirect to): the
   * challenge page then shows the result itself.
   */
  redirectUrl: string | null;
}

const TRANSACTION = { maxWait: 10_000, timeout: 30_000 } as const;

/**
 * The challenge page's Complete / Fail buttons. One transaction: the checkout
 * session of the payment (if any) is locked first, then the payment — the
 * order payCheckoutSession takes them in — so a challenge completion, a
 * resubmitted pay form and the expiry sweep serialize. A completed checkout
 * payment completes its session (`checkout.session.completed`) in the same
 * transaction. Null: no such payment, or the token does not match.
 */
export async function submitAuthenticationChallenge(
  input: ChallengeSubmission,
): Promise<ChallengeAnswer | null> {
  const id = fromPublicId('pi', input.paymentIntentId);
  if (!id) return null;
  const scope = await paymentScope(db(), id);
  if (!scope) return null;
  const request = { requestId: null, idempotencyKey: null };

  const answer = await db().$transaction(async (tx) => {
    const session = await lockSessionByPayment(tx, scope, id);
    const locked = await lockPayment(tx, scope, id);
    if (!locked || !validAuthenticationToken(input.paymentIntentId, locked.attempts, input.token))
      return null;
    const done = await completePaymentAuthentication(tx, scope, id, { outcome: input.outcome }, request);
    if (!done) return null;
    if (session) {
      await completeLockedSession(tx, scope, session, done.row, request);
      return {
        result: done.result,
        redirectUrl: checkoutPageUrl(checkoutSessionId(session.id, session.livemode)),
      };
    }
    return { result: done.result, row: done.row, returnUrl: done.returnUrl };
  }, TRANSACTION);
  if (!answer) return null;
  if (!('row' in answer)) return answer;

  // A plain API PaymentIntent: back to the integrator's return_url, as Stripe does.
  const { row, returnUrl, result } = answer;
  if (!returnUrl || result === 'error' || result === 'unchanged') return { result, redirectUrl: null };
  const problem = redirectUrlProblem(returnUrl, row.livemode);
  if (problem) {
    log.warn('3-D Secure return_url refused', { paymentIntent: input.paymentIntentId, problem });
    return { result, redirectUrl: null };
  }
  const url = new URL(returnUrl);
  const status = statusOfPayment(row);
  url.searchParams.set('payment_intent', input.paymentIntentId);
  url.searchParams.set('payment_intent_client_secret', clientSecret(input.paymentIntentId));
  url.searchParams.set(
    'redirect_status',
    status === 'succeeded' || status === 'requires_capture' ? 'succeeded' : 'failed',
  );
  return { result, redirectUrl: url.toString() };
}
