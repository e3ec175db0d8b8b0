import { ApiError, invalidRequest } from '@/lib/api/errors';
import { MerchantLimitExceededError } from '@/lib/ledger/errors';
import { Prisma } from '@/lib/db/generated/client';
import { toPublicId } from '@/lib/api/object-id';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { recordEvent } from '@/lib/events/record-event';
import { authorizeWithRouting } from '@/lib/gateways/authorize-with-routing';
import {
  releaseMerchantLimit,
  reserveMerchantLimit,
  type MerchantLimits,
} from '@/lib/ledger/merchant-limits';
import { recordVelocity } from '@/lib/ledger/record-velocity';
import { assessPayment } from '@/lib/fraud/assess-payment';
import { storedRiskLevel } from '@/lib/fraud/score';
import { readSignals, rememberAssessment } from '@/lib/fraud/signals';
import { openCardForPayment, type CardSummary } from '@/lib/vault';
import { authenticationUrl } from './authentication-url';
import { chargeObjectFor } from './charge-object';
import { unexpectedState } from './errors';
import { withGatewayCalls } from './gateway-log';
import { paymentIntentObject } from './payment-intent-object';
import { lockPayment, updatePayment, type PaymentRow, type Scope } from './repository';
import { recordApproval } from './record-approval';
import { paymentMethodFor } from './resolve-references';
import type { ConfirmPaymentIntentParams } from './schemas';
import { allows, statusOfPayment } from './status';

/** What the request contributes to events (Stripe's event.request). */
export interface RequestInfo {
  requestId: string | null;
  idempotencyKey: string | null;
}

export interface Decline {
  code: string;
  declineCode: string;
  message: string;
}

export interface ConfirmResult {
  row: PaymentRow;
  /** Set when the card was declined: the failed attempt is recorded and the answer is a 402. */
  decline?: Decline;
}

/** Blocked by the fraud check (Radar's answer for a blocked payment). */
export const FRAUD_BLOCK: Decline = {
  code: 'card_declined',
  declineCode: 'fraudulent',
  message: 'Your card was declined.',
};

const PROCESSING_ERROR: Decline = {
  code: 'processing_error',
  declineCode: 'processing_error',
  message: 'An error occurred while processing your card. Try again in a little bit.',
};

/**
 * Confirm: authorize (and capture, for capture_method=automatic) the intent's
 * card through the merchant's gateway routing, in the request's transaction
 * and under the payment's row lock. The merchant's daily and monthly limits are
 * reserved first, atomically, so concurrent payments cannot pass a limit
 * together; a decline gives the reservation back.
 *
 * Before any gateway is called the attempt is assessed for fraud
 * (lib/fraud/assess-payment.ts, docs/fraud.md); a blocked attempt never
 * reaches a processor and is answered like a decline (`fraudulent`).
 *
 * The gateway reference is "<payment id>:<attempt>": a retried request (same
 * idempotency key) replays the stored response, and a failover inside one
 * attempt sends the same reference to each processor, so neither can charge twice.
 */
export async function confirmPaymentIntent(
  tx: DbTx,
  scope: Scope,
  id: string,
  params: ConfirmPaymentIntentParams,
  request: RequestInfo,
  cvcFromCreate?: string,
): Promise<ConfirmResult | null> {
  let row = await lockPayment(tx, scope, id);
  if (!row) return null;
  const status = statusOfPayment(row);
  if (!allows('confirm', status)) throw unexpectedState('confirm', status, toPublicId('pi', row.id));

  const method = await paymentMethodFor(tx, scope, params, row.customerId);
  const token = method?.token ?? row.paymentMethodToken;
  const cvc = method?.cvc ?? cvcFromCreate;
  if (!token) {
    throw new ApiError(
      400,
      'invalid_request_error',
      'You cannot confirm this PaymentIntent because it’s missing a payment method. Update it with a payment_method, or pass one to confirm.',
      { code: 'payment_intent_unexpected_state', param: 'payment_method' },
    );
  }
  const captureMethod = params.capture_method ?? (row.captureMethod as 'automatic' | 'manual');
  const amount = Number(row.amount);
  const reservedAt = clock.now();
  const attempt = row.attempts + 1;
  const { card, risk, summary } = await openCardForPayment(tx, scope, token, cvc);
  // The fraud counters are read from Redis (one MGET, time-boxed, never
  // throws) while PostgreSQL reserves the limit.
  const signals = readSignals(scope, row.customerId, risk.fingerprint);
  let limits: MerchantLimits | null;
  try {
    limits = await reserveMerchantLimit(tx, scope, { currency: row.currency, amount, at: reservedAt });
  } catch (err) {
    if (!(err instanceof MerchantLimitExceededError)) throw err;
    throw invalidRequest(
      `This payment would take the account over its ${err.period === 'day' ? 'daily' : 'monthly'} processing limit.`,
      { code: 'merchant_limit_exceeded', param: 'amount' },
    );
  }
  const assessment = await assessPayment(tx, scope, {
    payment: { id: row.id, createdAt: row.createdAt, amount, currency: row.currency },
    cardNumber: card.number,
    card: risk,
    limits,
    signals: await signals,
  });
  // After the attempt, not awaited: the velocity counters and the Redis copy
  // of the assessment (a lost write only weakens a later signal).
  const { id: paymentId, customerId } = row;
  const remember = (declined: boolean) => {
    void recordVelocity(customerId, amount);
    void rememberAssessment({
      scope,
      paymentId,
      assessment,
      customerId,
      fingerprint: risk.fingerprint,
      declined,
    });
  };
  const assessed = {
    paymentMethodToken: token,
    captureMethod,
    attempts: attempt,
    authorizedAt: reservedAt,
    receiptEmail: params.receipt_email !== undefined ? params.receipt_email : row.receiptEmail,
    fraudScore: assessment.score,
    riskLevel: storedRiskLevel(assessment.riskLevel),
  };

  if (assessment.decision === 'block') {
    // No processor sees the card. The attempt is a decline like any other:
    // the limit is given back and the customer may try another card.
    remember(true);
    return recordDecline(
      tx,
      scope,
      row,
      { ...assessed, updatedAt: clock.now() },
      FRAUD_BLOCK,
      summary,
      amount,
      request,
    );
  }

  const routed = await authorizeWithRouting(
    scope,
    {
      reference: `${row.id}:${attempt}`,
      amount,
      currency: row.currency,
      card,
      capture: captureMethod === 'automatic',
      risk: { level: assessment.riskLevel, score: Math.round(assessment.score * 100) },
    },
    { tx },
  );
  remember(routed.outcome.outcome === 'declined');

  const now = clock.now();
  const common = {
    ...assessed,
    gatewayName: routed.gateway,
    gatewayResponse: withGatewayCalls(row, routed.calls),
    updatedAt: now,
  };
  const outcome = routed.outcome;

  if (outcome.outcome === 'approved') {
    row = await recordApproval(tx, scope, row, common, outcome, request, summary);
    return { row };
  }

  if (outcome.outcome === 'requires_action') {
    // The customer authenticates on our challenge page (app/authenticate); until
    // then the limit stays reserved. The URL is bound to this attempt.
    row = await updatePayment(tx, row, {
      ...common,
      status: 'pending',
      gatewayTransactionId: outcome.gatewayTransactionId,
      lastPaymentError: Prisma.DbNull,
      nextAction: {
        type: 'redirect_to_url',
        redirect_to_url: {
          url: authenticationUrl(toPublicId('pi', row.id), attempt),
          return_url: params.return_url ?? null,
        },
      },
    });
    await recordEvent(tx, scope, {
      type: 'payment_intent.requires_action',
      object: paymentIntentObject(row),
      ...request,
    });
    return { row };
  }

  // Declined, or no gateway could process it: the attempt is recorded and the
  // customer may try another card.
  const decline: Decline =
    outcome.outcome === 'declined'
      ? { code: outcome.code, declineCode: outcome.declineCode, message: outcome.message }
      : PROCESSING_ERROR;
  return recordDecline(tx, scope, row, common, decline, summary, amount, request);
}

/** A declined or blocked attempt, written: the limit given back, the error stored, the events. */
async function recordDecline(
  tx: DbTx,
  scope: Scope,
  row: PaymentRow,
  fields: Prisma.TransactionUncheckedUpdateInput & { authorizedAt: Date },
  decline: Decline,
  card: CardSummary,
  amount: number,
  request: RequestInfo,
): Promise<ConfirmResult> {
  await releaseMerchantLimit(tx, scope, { currency: row.currency, amount, at: fields.authorizedAt });
  const updated = await updatePayment(tx, row, {
    ...fields,
    status: 'failed',
    lastPaymentError: {
      type: 'card_error',
      code: decline.code,
      decline_code: decline.declineCode,
      message: decline.message,
      payment_method: { id: card.token },
    },
    nextAction: Prisma.DbNull,
  });
  const charge = await chargeObjectFor(tx, scope, updated, card);
  await recordEvent(tx, scope, { type: 'charge.failed', object: { ...charge }, ...request });
  await recordEvent(tx, scope, {
    type: 'payment_intent.payment_failed',
    object: paymentIntentObject(updated),
    ...request,
  });
  return { row: updated, decline };
}
