/**
 * The fraud rules as one pure function: facts in, assessment out. No I/O, so
 * every rule is unit-tested (score.test.ts) and the use case
 * (assess-payment.ts) only gathers the facts and records the result.
 *
 * The score is the sum of the weights of the rules that fired, capped at 1;
 * a forced test card sets a floor. Levels and the block decision follow
 * Stripe Radar: `normal`, `elevated`, `highest`, and the default rule "block
 * if highest risk". Rule codes are short and carry no card data.
 */
export type RiskLevel = 'normal' | 'elevated' | 'highest';
export type FraudDecision = 'allow' | 'block';

export interface VelocitySignals {
  /** Attempts already counted (this one not included) in the last hour / day / week. */
  hourCount: number;
  hourAmount: number;
  dayCount: number;
  dayAmount: number;
  weekCount: number;
  weekAmount: number;
}

export interface DeclineSignals {
  /** Declines in the last hour for this customer / for this card (fingerprint). */
  customer: number;
  card: number;
}

export interface RiskFacts {
  amount: number;
  currency: string;
  /** The merchant's limits (their own currency), as reserveMerchantLimit read them. */
  limits: { currency: string; daily: number | null; monthly: number | null } | null;
  /** Null when Redis could not answer in time: those rules are skipped, never guessed. */
  velocity: VelocitySignals | null;
  declines: DeclineSignals | null;
  cardCountry: string | null;
  billingCountry: string | null;
  /** Stripe's Radar test cards (test mode only). */
  testCard: { riskLevel: 'elevated' | 'highest'; alwaysBlocked: boolean } | null;
}

export interface ScoreThresholds {
  /** Attempts per customer in an hour from which velocity counts against the payment. */
  hourlyAttempts: number;
  /** The same over a day. */
  dailyAttempts: number;
}

export const DEFAULT_THRESHOLDS: ScoreThresholds = { hourlyAttempts: 5, dailyAttempts: 20 };

export interface Assessment {
  /** 0..1, four decimals (transactions.fraud_score is DECIMAL(5,4)). */
  score: number;
  riskLevel: RiskLevel;
  decision: FraudDecision;
  /** The rules that fired, in the order they are checked. */
  rules: string[];
}

export const ELEVATED_FROM = 0.4;
export const HIGHEST_FROM = 0.75;

/** Weights; a rule's code is what fraud_logs.details and the dashboard show. */
export const RULES = {
  velocity_hour: 0.35,
  velocity_hour_extreme: 0.6,
  velocity_day: 0.2,
  amount_above_typical: 0.15,
  amount_near_daily_limit: 0.15,
  card_recent_declines: 0.3,
  customer_recent_declines: 0.2,
  country_mismatch: 0.2,
  /** Informational: Redis did not answer, velocity and decline rules were skipped. */
  signals_unavailable: 0,
  test_card_elevated: 0,
  test_card_highest: 0,
  test_card_blocked: 0,
} as const;
export type RuleCode = keyof typeof RULES;

const TEST_CARD_FLOOR = { elevated: 0.65, highest: 0.95 } as const;
/** A customer's typical amount needs this many earlier attempts in the week to mean anything. */
const TYPICAL_MIN_ATTEMPTS = 3;
const TYPICAL_FACTOR = 5;

export function levelFor(score: number): RiskLevel {
  return score >= HIGHEST_FROM ? 'highest' : score >= ELEVATED_FROM ? 'elevated' : 'normal';
}

export function scorePayment(facts: RiskFacts, thresholds: ScoreThresholds = DEFAULT_THRESHOLDS): Assessment {
  const fired: RuleCode[] = [];
  const v = facts.velocity;
  if (v) {
    if (v.hourCount >= thresholds.hourlyAttempts * 2) fired.push('velocity_hour_extreme');
    else if (v.hourCount >= thresholds.hourlyAttempts) fired.push('velocity_hour');
    if (v.dayCount >= thresholds.dailyAttempts) fired.push('velocity_day');
    if (v.weekCount >= TYPICAL_MIN_ATTEMPTS && facts.amount > (v.weekAmount / v.weekCount) * TYPICAL_FACTOR) {
      fired.push('amount_above_typical');
    }
  }
  const limits = facts.limits;
  if (limits?.daily && limits.currency === facts.currency && facts.amount * 2 >= limits.daily) {
    fired.push('amount_near_daily_limit');
  }
  const d = facts.declines;
  if (d) {
    if (d.card >= 2) fired.push('card_recent_declines');
    if (d.customer >= 3) fired.push('customer_recent_declines');
  }
  if (!v || !d) fired.push('signals_unavailable');
  if (facts.cardCountry && facts.billingCountry && facts.cardCountry !== facts.billingCountry) {
    fired.push('country_mismatch');
  }

  let score = Math.min(
    1,
    fired.reduce((sum, code) => sum + RULES[code], 0),
  );
  const test = facts.testCard;
  if (test) {
    fired.push(
      test.alwaysBlocked
        ? 'test_card_blocked'
        : test.riskLevel === 'highest'
          ? 'test_card_highest'
          : 'test_card_elevated',
    );
    score = Math.max(score, test.alwaysBlocked ? 1 : TEST_CARD_FLOOR[test.riskLevel]);
  }
  score = Math.round(score * 10_000) / 10_000;
  const riskLevel = levelFor(score);
  const decision: FraudDecision = riskLevel === 'highest' || test?.alwaysBlocked ? 'block' : 'allow';
  return { score, riskLevel, decision, rules: fired };
}

/**
 * transactions.risk_level keeps the seed's vocabulary (CHECK low/medium/high);
 * the API speaks Stripe's. One mapping each way.
 */
const TO_STORED = { normal: 'low', elevated: 'medium', highest: 'high' } as const;
export function storedRiskLevel(level: RiskLevel): 'low' | 'medium' | 'high' {
  return TO_STORED[level];
}

export function stripeRiskLevel(stored: string | null): RiskLevel | 'not_assessed' {
  switch (stored) {
    case 'low':
      return 'normal';
    case 'medium':
      return 'elevated';
    case 'high':
      return 'highest';
    default:
      return 'not_assessed';
  }
}
