import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { recordEvent } from '@/lib/events/record-event';
import { callGateway } from '@/lib/gateways/call-gateway';
import { getGateway } from '@/lib/gateways/registry';
import { releaseMerchantLimit } from '@/lib/ledger/merchant-limits';
import { stripeRiskLevel } from '@/lib/fraud/score';
import { rememberAssessment } from '@/lib/fraud/signals';
import { openCardForPayment } from '@/lib/vault';
import type { RequestInfo } from './confirm-payment-intent';
import { withGatewayCalls } from './gateway-log';
import { chargeObjectFor } from './charge-object';
import { paymentIntentObject } from './payment-intent-object';
import { recordApproval } from './record-approval';
import { lockPayment, updatePayment, type PaymentRow, type Scope } from './repository';
import { statusOfPayment } from './status';

export type AuthenticationOutcome = 'succeeded' | 'failed';

export interface AuthenticationResult {
  row: PaymentRow;
  /**
   * What this call did: `succeeded` (authorized, captured per capture_method),
   * `declined` (authenticated, then declined by the issuer), `failed` (the
   * customer failed the challenge), `unchanged` (nothing was waiting: already
   * completed, canceled, …), `error` (the gateway could not be reached; the
   * challenge is still open and may be completed again).
   */
  result: 'succeeded' | 'declined' | 'failed' | 'unchanged' | 'error';
  /** next_action.redirect_to_url.return_url as it was before this call. */
  returnUrl: string | null;
}

const AUTHENTICATION_FAILURE = {
  type: 'invalid_request_error',
  code: 'payment_intent_authentication_failure',
  message:
    'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
};

/**
 * The end of a 3-D Secure challenge, under the payment's row lock.
 *
 * Completed: the authorization is re-sent to the gateway that asked for the
 * challenge, with the same reference (`<payment id>:<attempt>`) and
 * `authenticated: true` — the processor completes that one authorization, it
 * cannot become a second — and the result is written exactly as a confirm
 * writes it (recordApproval: capture per capture_method, fee, ledger, events).
 * Failed: the intent goes back to `requires_payment_method` with
 * `last_payment_error.code = payment_intent_authentication_failure`, and the
 * reserved limit is given back.
 *
 * Only an intent in `requires_action` changes; anything else is `unchanged`,
 * so completing the same challenge twice is harmless.
 */
export async function completePaymentAuthentication(
  tx: DbTx,
  scope: Scope,
  id: string,
  options: { outcome: AuthenticationOutcome },
  request: RequestInfo,
): Promise<AuthenticationResult | null> {
  const row = await lockPayment(tx, scope, id);
  if (!row) return null;
  const next = row.nextAction as { redirect_to_url?: { return_url?: string | null } } | null;
  const returnUrl = next?.redirect_to_url?.return_url ?? null;
  if (statusOfPayment(row) !== 'requires_action' || !row.paymentMethodToken) {
    return { row, result: 'unchanged', returnUrl };
  }
  const amount = Number(row.amount);
  const reservedAt = row.authorizedAt ?? row.createdAt;
  const now = clock.now();

  if (options.outcome === 'failed') {
    await releaseMerchantLimit(tx, scope, { currency: row.currency, amount, at: reservedAt });
    const updated = await updatePayment(tx, row, {
      status: 'failed',
      nextAction: Prisma.DbNull,
      lastPaymentError: { ...AUTHENTICATION_FAILURE, payment_method: { id: row.paymentMethodToken } },
      updatedAt: now,
    });
    await recordEvent(tx, scope, {
      type: 'payment_intent.payment_failed',
      object: paymentIntentObject(updated),
      ...request,
    });
    return { row: updated, result: 'failed', returnUrl };
  }

  const reference = `${row.id}:${row.attempts}`;
  const { card, risk: cardFacts, summary } = await openCardForPayment(tx, scope, row.paymentMethodToken);
  const gateway = getGateway(row.gatewayName);
  const level = stripeRiskLevel(row.riskLevel);
  const assessed =
    level !== 'not_assessed' && row.fraudScore !== null
      ? { level, score: Math.round(Number(row.fraudScore) * 100) }
      : undefined;
  const called = await callGateway(gateway, 'authorize', reference, () =>
    gateway.authorize({
      reference,
      amount,
      currency: row.currency,
      card,
      capture: row.captureMethod === 'automatic',
      authenticated: true,
      ...(assessed ? { risk: assessed } : {}),
    }),
  );
  const common = { gatewayResponse: withGatewayCalls(row, [called.call]), updatedAt: now };
  const outcome = called.outcome;

  if (outcome.outcome === 'approved') {
    const updated = await recordApproval(tx, scope, row, common, outcome, request, summary);
    return { row: updated, result: 'succeeded', returnUrl };
  }
  if (outcome.outcome === 'declined') {
    // The attempt was assessed at confirm; the decline still counts against the card and customer.
    void rememberAssessment({
      scope,
      paymentId: row.id,
      customerId: row.customerId,
      fingerprint: cardFacts.fingerprint,
      declined: true,
    });
    await releaseMerchantLimit(tx, scope, { currency: row.currency, amount, at: reservedAt });
    const updated = await updatePayment(tx, row, {
      ...common,
      status: 'failed',
      nextAction: Prisma.DbNull,
      lastPaymentError: {
        type: 'card_error',
        code: outcome.code,
        decline_code: outcome.declineCode,
        message: outcome.message,
        payment_method: { id: row.paymentMethodToken },
      },
    });
    const charge = await chargeObjectFor(tx, scope, updated, summary);
    await recordEvent(tx, scope, { type: 'charge.failed', object: { ...charge }, ...request });
    await recordEvent(tx, scope, {
      type: 'payment_intent.payment_failed',
      object: paymentIntentObject(updated),
      ...request,
    });
    return { row: updated, result: 'declined', returnUrl };
  }
  // The gateway could not answer: nothing changed at the processor (or the
  // outcome is unknown and the same reference will settle it on the next try).
  const updated = await updatePayment(tx, row, common);
  return { row: updated, result: 'error', returnUrl };
}
