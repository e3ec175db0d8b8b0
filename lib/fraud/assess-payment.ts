import { testCardBehavior } from '@/lib/cards/test-cards';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { env } from '@/lib/env';
import type { MerchantLimits } from '@/lib/ledger/merchant-limits';
import type { CardRiskFacts } from '@/lib/vault';
import { insertFraudLog, type Scope } from './repository';
import { scorePayment, type Assessment, type RiskFacts, type ScoreThresholds } from './score';
import type { Signals } from './signals';

export interface AssessPaymentInput {
  payment: { id: string; createdAt: Date; amount: number; currency: string };
  /** The card number only to recognise Stripe's Radar test cards; it goes nowhere else. */
  cardNumber: string;
  card: CardRiskFacts;
  limits: MerchantLimits | null;
  /** The Redis counters, read (lib/fraud/signals.ts) while the caller did its own work. */
  signals: Signals;
}

/**
 * The fraud check of one confirm attempt, before any gateway is called, in
 * the payment's transaction and under its row lock: score the facts
 * (score.ts) and write the fraud_logs row (risk_score = score × 100,
 * is_fraudulent = blocked, details = the rules that fired) in the same
 * transaction. The caller writes transactions.fraud_score with the outcome
 * of the attempt, and the Redis copy after it (rememberAssessment).
 *
 * Stripe's Radar test cards force their risk level in test mode only, as at
 * Stripe, where test numbers are refused in live mode.
 */
export async function assessPayment(
  tx: DbTx,
  scope: Scope,
  input: AssessPaymentInput,
  thresholds: ScoreThresholds = {
    hourlyAttempts: env.FRAUD_HOURLY_ATTEMPTS,
    dailyAttempts: env.FRAUD_DAILY_ATTEMPTS,
  },
): Promise<Assessment> {
  const behavior = scope.livemode ? null : testCardBehavior(input.cardNumber);
  const facts: RiskFacts = {
    amount: input.payment.amount,
    currency: input.payment.currency,
    limits: input.limits,
    velocity: input.signals.velocity,
    declines: input.signals.declines,
    cardCountry: input.card.country,
    billingCountry: input.card.billingCountry,
    testCard:
      behavior?.kind === 'risk'
        ? { riskLevel: behavior.riskLevel, alwaysBlocked: behavior.alwaysBlocked }
        : null,
  };
  const assessment = scorePayment(facts, thresholds);
  await insertFraudLog(tx, scope, {
    paymentId: input.payment.id,
    paymentCreatedAt: input.payment.createdAt,
    riskScore: Math.round(assessment.score * 10_000) / 100,
    isFraudulent: assessment.decision === 'block',
    details: assessment.rules.join(','),
    createdAt: clock.now(),
  });
  return assessment;
}
