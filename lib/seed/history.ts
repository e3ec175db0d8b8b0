import { computeFee } from '@/lib/fees/compute-fee';
import { SEED_CURRENCIES, sampleAmount, type SeedCurrency } from '@/lib/seed/money';
import { DAY_MS, type Plan } from '@/lib/seed/plan';
import { createRng, cumulativeWeights, pickWeighted, type Rng } from '@/lib/seed/random';
import {
  DECLINES,
  DISPUTE_RESPONSES,
  DISPUTE_STATUS_WEIGHTS,
  DISPUTE_STATUSES,
  FRAUD_DETAILS,
  REASON_CODES,
  REFUND_REASONS,
  STATUS_WEIGHTS,
  STATUSES,
  type DisputeStatus,
  type TxnStatus,
} from '@/lib/seed/catalog';

/**
 * The payment history generator: a pure, synchronous stream of payments (each
 * with its refunds, dispute and fraud log) computed from the plan and the seed.
 * Running it twice yields the same payments, which is what lets the loader make
 * several cheap passes (aggregate first, then one COPY per table) instead of
 * holding a million rows in memory.
 */

export interface GeneratedRefund {
  id: string;
  amount: number;
  reason: string;
  gatewayRefundId: string;
  createdAt: number;
  processedAt: number;
}

export interface GeneratedDispute {
  id: string;
  reasonCode: string;
  status: DisputeStatus;
  dueDate: number;
  evidence: boolean;
  merchantResponse: string | null;
  gatewayDisputeId: string;
  createdAt: number;
  updatedAt: number;
  resolvedAt: number | null;
}

export interface GeneratedFraudLog {
  id: string;
  /** 0..100 */
  riskScore: number;
  isFraudulent: boolean;
  details: string;
  createdAt: number;
}

export interface GeneratedPayment {
  id: string;
  merchantIndex: number;
  /** Index into plan.customerIds, or -1 for a guest checkout. */
  customer: number;
  livemode: boolean;
  amount: number;
  currency: SeedCurrency;
  feeAmount: number;
  status: TxnStatus;
  gatewayName: 'sandbox_alpha' | 'sandbox_beta';
  gatewayTransactionId: string;
  /** Key into catalog RESPONSES. */
  response: string;
  /** fraud_score in ten-thousandths (DECIMAL(5,4) without the float). */
  fraudScore: number;
  riskLevel: 'low' | 'medium' | 'high';
  description: string;
  createdAt: number;
  updatedAt: number;
  refunds: GeneratedRefund[];
  dispute: GeneratedDispute | null;
  fraudLog: GeneratedFraudLog | null;
}

/** Charges that moved money: counted as successful everywhere (see docs/seed.md). */
export function isSuccessfulCharge(status: TxnStatus): boolean {
  return status === 'succeeded' || status === 'refunded' || status === 'disputed';
}

const STATUS_CUMULATIVE = cumulativeWeights(STATUS_WEIGHTS);
const DISPUTE_CUMULATIVE = cumulativeWeights(DISPUTE_STATUS_WEIGHTS);
/** UTC hour-of-day weights: quiet nights, busy afternoons and evenings. */
const HOUR_CUMULATIVE = cumulativeWeights([
  2, 1, 1, 1, 1, 2, 3, 5, 7, 8, 9, 10, 11, 11, 11, 11, 10, 10, 11, 12, 11, 9, 6, 4,
]);
/** fraud_score (ten-thousandths) from which the risk engine writes a fraud log. */
const REVIEW_THRESHOLD = 6_500;
const HIGH_RISK = 8_000;
const MEDIUM_RISK = 3_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

function riskLevel(score: number): 'low' | 'medium' | 'high' {
  return score >= HIGH_RISK ? 'high' : score >= MEDIUM_RISK ? 'medium' : 'low';
}

/** A time in [from + minDelay, from + maxDelay], never at or after `limit` (the anchor). */
function later(rng: Rng, from: number, minDelay: number, maxDelay: number, limit: number): number {
  const hi = Math.min(from + maxDelay, limit - 1);
  const lo = Math.min(from + minDelay, hi);
  return lo + Math.floor(rng.float() * (hi - lo + 1));
}

function generateRefunds(
  rng: Rng,
  amount: number,
  from: number,
  limit: number,
  fraud: boolean,
): GeneratedRefund[] {
  const amounts: number[] = [];
  if (amount < 2 || rng.chance(0.7)) {
    amounts.push(amount);
  } else {
    const first = rng.range(Math.max(1, Math.floor(amount * 0.1)), Math.max(1, Math.floor(amount * 0.9)));
    amounts.push(first);
    // Sometimes a second partial refund; the two never exceed the payment.
    if (amount - first >= 1 && rng.chance(0.25)) amounts.push(rng.range(1, amount - first));
  }
  let at = from;
  return amounts.map((refundAmount) => {
    at = later(rng, at, HOUR_MS, 14 * DAY_MS, limit);
    const gatewayRefundId = `re_${rng.hex(12)}`;
    return {
      id: rng.uuid(),
      amount: refundAmount,
      reason: fraud ? 'fraudulent' : rng.pick(REFUND_REASONS),
      gatewayRefundId,
      createdAt: at,
      processedAt: later(rng, at, 1_000, 5_000, limit),
    };
  });
}

function generateDispute(rng: Rng, from: number, limit: number, fraud: boolean): GeneratedDispute {
  const createdAt = later(rng, from, 2 * DAY_MS, 30 * DAY_MS, limit);
  const status = DISPUTE_STATUSES[pickWeighted(rng, DISPUTE_CUMULATIVE)]!;
  const resolved = status === 'won' || status === 'lost' || status === 'warning_closed';
  const resolvedAt = resolved ? later(rng, createdAt, DAY_MS, 30 * DAY_MS, limit) : null;
  const responded = status === 'under_review' || status === 'won' || status === 'lost';
  return {
    id: rng.uuid(),
    reasonCode: fraud ? '10.4' : rng.pick(REASON_CODES),
    status,
    // Card networks give the merchant about three weeks to respond.
    dueDate: createdAt + 21 * DAY_MS,
    evidence: responded,
    merchantResponse: responded ? rng.pick(DISPUTE_RESPONSES) : null,
    gatewayDisputeId: `dp_${rng.hex(12)}`,
    createdAt,
    updatedAt: resolvedAt ?? (responded ? later(rng, createdAt, HOUR_MS, 5 * DAY_MS, limit) : createdAt),
    resolvedAt,
  };
}

/**
 * Every payment of the plan, in a fixed order: day by day (so the monthly
 * partitions and their indexes fill one after the other, which keeps bulk
 * loading fast), then merchant by merchant, test mode before live.
 */
export function* generateHistory(plan: Plan): Generator<GeneratedPayment> {
  const rng = createRng(plan.options.seed, 'transactions');
  const { anchorMs: limit, windowStartMs } = plan;
  const days = plan.options.days;

  for (let day = 0; day < days; day++) {
    const dayStart = windowStartMs + day * DAY_MS;
    for (const pool of plan.pools) {
      if (pool.dayCounts.length === 0) continue;
      const merchant = plan.merchants[pool.merchantIndex]!;
      const livemode = pool.livemode;
      const count = pool.dayCounts[day]!;
      for (let i = 0; i < count; i++) {
        const id = rng.uuid();
        const createdAt = dayStart + pickWeighted(rng, HOUR_CUMULATIVE) * HOUR_MS + rng.int(HOUR_MS);
        // Most payments are in the merchant's own currency; a quarter are not.
        const currency = rng.chance(0.75) ? merchant.currency : rng.pick(SEED_CURRENCIES);
        const amount = sampleAmount(rng, currency);
        const status = STATUSES[pickWeighted(rng, STATUS_CUMULATIVE)]!;
        // Repeat buyers: low pool indices are picked far more often. 4% are guests.
        const customer = rng.chance(0.04) ? -1 : pool.first + Math.floor(pool.size * rng.float() ** 1.8);

        let fraudScore: number;
        let response: string = status === 'failed' ? rng.pick(DECLINES) : status;
        const fraudBlocked = status === 'failed' && rng.chance(0.25);
        if (fraudBlocked) {
          fraudScore = rng.range(8_500, 9_999);
          response = 'fraudulent';
        } else {
          const roll = rng.float();
          const highShare = status === 'disputed' ? 0.3 : 0.02;
          fraudScore =
            roll < highShare
              ? rng.range(HIGH_RISK, 9_799)
              : roll < highShare + 0.06
                ? rng.range(MEDIUM_RISK, HIGH_RISK - 1)
                : rng.range(0, MEDIUM_RISK - 1);
        }
        const level = riskLevel(fraudScore);

        let fraudLog: GeneratedFraudLog | null = null;
        if (fraudScore >= REVIEW_THRESHOLD) {
          const isFraudulent =
            fraudBlocked || (level === 'high' && (status === 'disputed' ? rng.chance(0.7) : rng.chance(0.1)));
          fraudLog = {
            id: rng.uuid(),
            riskScore: fraudScore / 100,
            isFraudulent,
            details: rng.pick(FRAUD_DETAILS),
            createdAt,
          };
        }
        const confirmedFraud = fraudLog?.isFraudulent ?? false;

        const refunds =
          status === 'refunded' ? generateRefunds(rng, amount, createdAt, limit, confirmedFraud) : [];
        const dispute = status === 'disputed' ? generateDispute(rng, createdAt, limit, confirmedFraud) : null;
        const updatedAt =
          refunds.length > 0
            ? refunds[refunds.length - 1]!.createdAt
            : dispute
              ? dispute.createdAt
              : status === 'cancelled'
                ? later(rng, createdAt, MINUTE_MS, 2 * DAY_MS, limit)
                : status === 'pending' || status === 'authorized'
                  ? createdAt
                  : later(rng, createdAt, 300, 3_000, limit);

        yield {
          id,
          merchantIndex: merchant.index,
          customer,
          livemode,
          amount,
          currency,
          feeAmount: isSuccessfulCharge(status) ? computeFee(amount, merchant.feeStructure) : 0,
          status,
          gatewayName: rng.chance(0.6) ? 'sandbox_alpha' : 'sandbox_beta',
          gatewayTransactionId: `gt_${rng.hex(12)}`,
          response,
          fraudScore,
          riskLevel: level,
          description: `Order #${rng.range(100_000, 999_999)}`,
          createdAt,
          updatedAt,
          refunds,
          dispute,
          fraudLog,
        };
      }
    }
  }
}
