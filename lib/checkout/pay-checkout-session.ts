import { ApiError } from '@/lib/api/errors';
import { toPublicId } from '@/lib/api/object-id';
import { clock } from '@/lib/clock';
import { db, type DbTx } from '@/lib/db/client';
import { log } from '@/lib/log';
import { getMerchantBranding } from '@/lib/merchants/get-merchant-branding';
import { confirmPaymentIntent, type RequestInfo } from '@/lib/payments/confirm-payment-intent';
import { createPaymentIntent } from '@/lib/payments/create-payment-intent';
import { findPayment, type PaymentRow } from '@/lib/payments/repository';
import { statusOfPayment } from '@/lib/payments/status';
import { createCardPaymentMethod } from '@/lib/vault';
import { blockedFor, recordFailure } from './attempt-limits';
import { checkoutPageUrl } from './checkout-session-object';
import { completeLockedSession } from './complete-checkout-session';
import type { StoredPaymentIntentData } from './create-checkout-session';
import { expireLockedSession } from './expire-checkout-session';
import { fieldOfCardError, payInputErrors, type PayInput } from './pay-input';
import { fillSessionId } from './redirect-url';
import { lockSession, sessionScope, updateSession, type Scope, type SessionRow } from './repository';
import { checkoutSessionId, parseCheckoutSessionId } from './session-id';
import type { PayOutcome } from './types';

export type { PayInput } from './pay-input';

const NO_REQUEST: RequestInfo = { requestId: null, idempotencyKey: null };
/** Concurrent submits of one session wait for each other on its row lock. */
const TRANSACTION = { maxWait: 15_000, timeout: 30_000 } as const;
const UNAVAILABLE = 'This business can’t accept payments right now. You have not been charged.';
const NOT_PROCESSED =
  'Your payment could not be processed. You have not been charged; please try again later.';

interface Attempt {
  outcome: PayOutcome;
  /** Counts against the card-testing limits (a decline or a card the vault refused). */
  failed: boolean;
}

/**
 * The hosted page's Pay button. One attempt runs in one transaction under the
 * session's row lock, so double-clicks, refreshes and resubmits serialize:
 * the first creates the session's one PaymentIntent; the rest find it. Once
 * it has succeeded every later submit answers `complete` with the same
 * redirect — never a second payment. After a decline the same intent is
 * confirmed again with the new card (attempt n+1 at the gateway).
 *
 * The card goes straight into the vault (source `checkout`, the only way live
 * card numbers enter) and from there to the gateway through the PaymentIntents
 * code (limits, routing, ledger, events). Nothing here logs or keeps it.
 * Card-testing limits are checked before anything is vaulted or sent.
 */
export async function payCheckoutSession(input: PayInput): Promise<PayOutcome> {
  const parsed = parseCheckoutSessionId(input.sessionId);
  // An id that names no session has nothing to pay: the page shows it as unavailable.
  if (!parsed) return { kind: 'expired' };
  const errors = payInputErrors(input);
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };

  const scope = await sessionScope(db(), parsed.uuid, parsed.livemode);
  if (!scope) return { kind: 'expired' };
  const publicId = checkoutSessionId(parsed.uuid, parsed.livemode);
  const subject = { sessionId: publicId, clientIp: input.clientIp };

  // A finished session answers without counting or waiting.
  const current = await db().checkoutSession.findFirst({ where: { id: parsed.uuid, ...scope } });
  if (!current) return { kind: 'expired' };
  const early = finished(current, publicId);
  if (early) return early;

  const retryAfter = await blockedFor(subject);
  if (retryAfter > 0) return { kind: 'rate_limited', retryAfterSeconds: retryAfter };

  let attempt: Attempt;
  try {
    attempt = await db().$transaction(
      (tx) => attemptPayment(tx, scope, parsed.uuid, publicId, input),
      TRANSACTION,
    );
  } catch (err) {
    // Everything the attempt wrote is rolled back (no half-made intent or card).
    if (!(err instanceof ApiError)) throw err;
    log.warn('checkout payment refused', { session: publicId, code: err.options.code ?? null });
    attempt = { outcome: { kind: 'declined', message: NOT_PROCESSED, declineCode: null }, failed: false };
  }
  if (attempt.failed) await recordFailure(subject);
  return attempt.outcome;
}

function finished(session: SessionRow, publicId: string): PayOutcome | null {
  if (session.status === 'complete')
    return { kind: 'complete', redirectUrl: fillSessionId(session.successUrl, publicId) };
  if (session.status === 'expired' || session.expiresAt <= clock.now()) return { kind: 'expired' };
  return null;
}

async function attemptPayment(
  tx: DbTx,
  scope: Scope,
  uuid: string,
  publicId: string,
  input: PayInput,
): Promise<Attempt> {
  let session = await lockSession(tx, scope, uuid);
  if (!session) return { outcome: { kind: 'expired' }, failed: false };
  const done = finished(session, publicId);
  if (done) return { outcome: done, failed: false };
  const merchant = await getMerchantBranding(tx, scope.merchantId);
  if (!merchant || merchant.status === 'suspended' || merchant.status === 'closed') {
    return { outcome: { kind: 'declined', message: UNAVAILABLE, declineCode: null }, failed: false };
  }
  const redirectUrl = fillSessionId(session.successUrl, publicId);

  let payment: PaymentRow | null = session.paymentId ? await findPayment(tx, scope, session.paymentId) : null;
  if (payment) {
    const status = statusOfPayment(payment);
    if (status === 'succeeded' || status === 'requires_capture') {
      // Paid by an earlier attempt whose session update this one is finishing.
      await completeLockedSession(tx, scope, session, payment, NO_REQUEST);
      return { outcome: { kind: 'complete', redirectUrl }, failed: false };
    }
    if (status === 'requires_action') {
      // A challenge is open for the card already entered: finish (or fail) it first.
      return { outcome: { kind: 'requires_action', challengeUrl: challengeUrlOf(payment) }, failed: false };
    }
    if (status === 'canceled') {
      // The merchant canceled the session's payment (API or dashboard): nothing can be paid here any more.
      await expireLockedSession(tx, scope, session, NO_REQUEST);
      return { outcome: { kind: 'expired' }, failed: false };
    }
  }

  const email = input.email.trim();
  let methodId: string;
  try {
    const method = await createCardPaymentMethod(tx, scope, {
      number: input.card.number,
      expMonth: input.card.expMonth,
      expYear: input.card.expYear,
      cvc: input.card.cvc,
      billingDetails: {
        name: input.billing.name.trim(),
        email,
        address: {
          country: input.billing.country.trim().toUpperCase(),
          postal_code: input.billing.postalCode.trim() || null,
        },
      },
      customerId: null,
      source: 'checkout',
    });
    methodId = method.id;
  } catch (err) {
    // The vault refused the card before writing anything (Stripe's message names the problem).
    if (err instanceof ApiError && err.type === 'card_error') {
      return {
        outcome: { kind: 'invalid', errors: { [fieldOfCardError(err.options.code)]: err.message } },
        failed: true,
      };
    }
    throw err;
  }

  if (!payment) {
    const data = (session.paymentIntentData ?? {}) as StoredPaymentIntentData;
    const created = await createPaymentIntent(
      tx,
      scope,
      {
        amount: Number(session.amountTotal),
        currency: session.currency,
        ...(session.customerId ? { customer: toPublicId('cus', session.customerId) } : {}),
        ...(data.capture_method ? { capture_method: data.capture_method } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(data.metadata ? { metadata: data.metadata } : {}),
        receipt_email: email,
      },
      NO_REQUEST,
    );
    payment = created.row;
    session = await updateSession(tx, session, { paymentId: payment.id, updatedAt: clock.now() });
  }

  const result = await confirmPaymentIntent(
    tx,
    scope,
    payment.id,
    { payment_method: methodId, receipt_email: email, return_url: checkoutPageUrl(publicId) },
    NO_REQUEST,
    input.card.cvc,
  );
  if (!result) throw new Error('the session’s payment disappeared under its lock');
  if (result.decline) {
    return {
      outcome: { kind: 'declined', message: result.decline.message, declineCode: result.decline.declineCode },
      failed: true,
    };
  }
  const status = statusOfPayment(result.row);
  if (status === 'requires_action') {
    return { outcome: { kind: 'requires_action', challengeUrl: challengeUrlOf(result.row) }, failed: false };
  }
  await completeLockedSession(tx, scope, session, result.row, NO_REQUEST);
  return { outcome: { kind: 'succeeded', redirectUrl }, failed: false };
}

function challengeUrlOf(payment: PaymentRow): string {
  const next = payment.nextAction as { redirect_to_url?: { url?: string | null } } | null;
  const url = next?.redirect_to_url?.url;
  if (!url) throw new Error('a payment waiting for 3-D Secure has no challenge URL');
  return url;
}
