import { fromPublicId, toPublicId } from '@/lib/api/object-id';
import { findCustomerEmails } from '@/lib/customers/repository';
import type { DbTx } from '@/lib/db/client';
import { listPaymentEvents } from '@/lib/events/repository';
import { findLatestFraudLog } from '@/lib/fraud/repository';
import { stripeRiskLevel, type RiskLevel } from '@/lib/fraud/score';
import { pageRefunds } from '@/lib/refunds/repository';
import { cardSummaries, type CardSummary } from '@/lib/vault';
import { findPayment, type Scope } from '../repository';
import { allows, statusOfPayment, type IntentStatus } from '../status';
import { displayStatus, type DisplayStatus } from './display-status';

/**
 * One payment for its dashboard page: amounts, card, risk, gateway attempts,
 * refunds and the timeline of its events. Null for a malformed id, an unknown
 * one, or another merchant's or mode's (one "not found" for all three).
 */
export interface GatewayAttempt {
  gateway: string;
  operation: string;
  outcome: string;
  latencyMs: number | null;
  /** The connector's masked response (brand and last four at most). */
  response: Record<string, unknown>;
}

export interface PaymentDetail {
  id: string;
  status: DisplayStatus;
  intentStatus: IntentStatus;
  currency: string;
  captureMethod: string;
  description: string | null;
  created: Date;
  amounts: {
    gross: number;
    received: number;
    capturable: number;
    refunded: number;
    refundable: number;
    /** Only once captured: the fee is fixed at capture. */
    fee: number | null;
    net: number | null;
  };
  lastPaymentError: string | null;
  customer: { id: string; email: string | null } | null;
  card: CardSummary | null;
  /**
   * The fraud check's assessment (lib/fraud): Stripe's level, the score on
   * Stripe's 0..100 scale, the rules that fired and whether it was blocked.
   * Null level: never assessed.
   */
  risk: { level: RiskLevel | null; score: number | null; rules: string[]; blocked: boolean };
  attempts: GatewayAttempt[];
  refunds: {
    id: string;
    amount: number;
    status: string;
    reason: string | null;
    created: Date | null;
  }[];
  timeline: { id: string; type: string; created: Date }[];
  can: { refund: boolean; capture: boolean; cancel: boolean };
}

/** Refunds shown on the page; a payment with more is an oddity the API lists in full. */
const REFUNDS_SHOWN = 100;

function attemptsOf(gatewayResponse: unknown): GatewayAttempt[] {
  const calls = (gatewayResponse as { calls?: unknown } | null)?.calls;
  if (!Array.isArray(calls)) return [];
  // Named fields only: whatever else a record holds stays off the page.
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return calls.map((c: Record<string, unknown>) => ({
    gateway: text(c.gateway),
    operation: text(c.operation),
    outcome: text(c.outcome),
    latencyMs: typeof c.latencyMs === 'number' ? c.latencyMs : null,
    response: c.raw && typeof c.raw === 'object' ? (c.raw as Record<string, unknown>) : {},
  }));
}

export async function getPaymentForDashboard(
  tx: DbTx,
  scope: Scope,
  publicId: string,
): Promise<PaymentDetail | null> {
  const id = fromPublicId('pi', publicId);
  if (!id) return null;
  const row = await findPayment(tx, scope, id);
  if (!row) return null;
  const [customers, cards, refunds, events, fraudLog] = await Promise.all([
    row.customerId ? findCustomerEmails(tx, scope, [row.customerId]) : [],
    row.paymentMethodToken
      ? cardSummaries(tx, scope, [row.paymentMethodToken])
      : new Map<string, CardSummary>(),
    pageRefunds(tx, scope, { paymentId: row.id }, { limit: REFUNDS_SHOWN }),
    listPaymentEvents(tx, scope, publicId),
    findLatestFraudLog(tx, scope, row.id),
  ]);
  const level = stripeRiskLevel(row.riskLevel);
  const status = statusOfPayment(row);
  const received = Number(row.amountReceived);
  const refunded = Number(row.amountRefunded);
  const captured = row.capturedAt !== null || received > 0;
  const fee = captured ? Number(row.feeAmount ?? 0n) : null;
  const refundable = Math.max(0, received - refunded);
  return {
    id: publicId,
    status: displayStatus(row),
    intentStatus: status,
    currency: row.currency,
    captureMethod: row.captureMethod,
    description: row.description,
    created: row.createdAt,
    amounts: {
      gross: Number(row.amount),
      received,
      capturable: Number(row.amountCapturable),
      refunded,
      refundable,
      fee,
      net: fee === null ? null : received - fee,
    },
    lastPaymentError: (row.lastPaymentError as { message?: string } | null)?.message ?? null,
    customer: row.customerId
      ? { id: toPublicId('cus', row.customerId), email: customers[0]?.email ?? null }
      : null,
    card: row.paymentMethodToken ? (cards.get(row.paymentMethodToken) ?? null) : null,
    risk: {
      level: level === 'not_assessed' ? null : level,
      score: row.fraudScore === null ? null : Math.round(Number(row.fraudScore) * 100),
      rules: fraudLog?.details ? fraudLog.details.split(',').filter(Boolean) : [],
      blocked: fraudLog?.isFraudulent ?? false,
    },
    attempts: attemptsOf(row.gatewayResponse),
    refunds: (refunds?.rows ?? []).map((r) => ({
      id: toPublicId('re', r.id),
      amount: Number(r.amount),
      status: r.status,
      reason: r.reason,
      created: r.createdAt,
    })),
    timeline: events.map((e) => ({ id: toPublicId('evt', e.id), type: e.type, created: e.createdAt })),
    can: {
      refund: allows('refund', status) && refundable > 0,
      capture: allows('capture', status),
      cancel: allows('cancel', status),
    },
  };
}
