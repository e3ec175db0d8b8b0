import type { SeedCurrency } from '@/lib/seed/money';
import { DAY_MS } from '@/lib/seed/plan';
import { isSuccessfulCharge, type GeneratedPayment } from '@/lib/seed/history';
import type { TxnStatus } from '@/lib/seed/catalog';

/**
 * Everything derived from the history, accumulated in memory during the first
 * pass so the derived rows can be written with fixed values (no now(), no
 * trigger-stamped updated_at) and the data stays byte-identical between runs.
 * Definitions are in docs/seed.md; the integration test recomputes each of
 * them from the loaded rows with SQL.
 */

export interface DailySummary {
  merchantIndex: number;
  livemode: boolean;
  /** Days since 1970-01-01 (UTC) of the payments' created_at. */
  day: number;
  currency: SeedCurrency;
  transactionCount: number;
  successfulCount: number;
  failedCount: number;
  refundedCount: number;
  grossAmount: number;
  feeAmount: number;
  /** Refunds of this day's payments, whenever they were made. */
  refundedAmount: number;
  highRiskCount: number;
  fraudCount: number;
  disputeCount: number;
  fraudAttempts: number;
}

export interface Balance {
  merchantIndex: number;
  livemode: boolean;
  currency: SeedCurrency;
  available: number;
}

export interface CustomerTotals {
  /** All transactions of the customer, any status. */
  count: Int32Array;
  /** Sum of amounts of successful charges (gross, before refunds). */
  amount: Float64Array;
  /** min/max created_at in ms, NaN when the customer has no transaction. */
  first: Float64Array;
  last: Float64Array;
}

export interface HistoryTotals {
  transactions: number;
  refunds: number;
  disputes: number;
  fraudLogs: number;
  byStatus: Partial<Record<TxnStatus, number>>;
}

export class HistoryAggregates {
  readonly summaries = new Map<string, DailySummary>();
  readonly balances = new Map<string, Balance>();
  readonly customers: CustomerTotals;
  readonly totals: HistoryTotals = { transactions: 0, refunds: 0, disputes: 0, fraudLogs: 0, byStatus: {} };

  constructor(customerCount: number) {
    this.customers = {
      count: new Int32Array(customerCount),
      amount: new Float64Array(customerCount),
      first: new Float64Array(customerCount).fill(NaN),
      last: new Float64Array(customerCount).fill(NaN),
    };
  }

  add(p: GeneratedPayment): void {
    const successful = isSuccessfulCharge(p.status);
    const refunded = p.refunds.reduce((sum, r) => sum + r.amount, 0);

    const totals = this.totals;
    totals.transactions++;
    totals.refunds += p.refunds.length;
    totals.disputes += p.dispute ? 1 : 0;
    totals.fraudLogs += p.fraudLog ? 1 : 0;
    totals.byStatus[p.status] = (totals.byStatus[p.status] ?? 0) + 1;

    const day = Math.floor(p.createdAt / DAY_MS);
    const key = `${p.merchantIndex}|${p.livemode ? 1 : 0}|${day}|${p.currency}`;
    let s = this.summaries.get(key);
    if (!s) {
      s = {
        merchantIndex: p.merchantIndex,
        livemode: p.livemode,
        day,
        currency: p.currency,
        transactionCount: 0,
        successfulCount: 0,
        failedCount: 0,
        refundedCount: 0,
        grossAmount: 0,
        feeAmount: 0,
        refundedAmount: 0,
        highRiskCount: 0,
        fraudCount: 0,
        disputeCount: 0,
        fraudAttempts: 0,
      };
      this.summaries.set(key, s);
    }
    s.transactionCount++;
    if (successful) {
      s.successfulCount++;
      s.grossAmount += p.amount;
      s.feeAmount += p.feeAmount;
    }
    if (p.status === 'failed') s.failedCount++;
    if (p.status === 'refunded') s.refundedCount++;
    s.refundedAmount += refunded;
    if (p.riskLevel === 'high') s.highRiskCount++;
    if (p.fraudLog) s.fraudAttempts++;
    if (p.fraudLog?.isFraudulent) s.fraudCount++;
    if (p.dispute) s.disputeCount++;

    if (successful) {
      const balanceKey = `${p.merchantIndex}|${p.livemode ? 1 : 0}|${p.currency}`;
      let b = this.balances.get(balanceKey);
      if (!b) {
        b = { merchantIndex: p.merchantIndex, livemode: p.livemode, currency: p.currency, available: 0 };
        this.balances.set(balanceKey, b);
      }
      b.available += p.amount - p.feeAmount - refunded;
    }

    if (p.customer >= 0) {
      const c = this.customers;
      const i = p.customer;
      c.count[i]! += 1;
      if (successful) c.amount[i]! += p.amount;
      if (!(c.first[i]! <= p.createdAt)) c.first[i] = p.createdAt;
      if (!(c.last[i]! >= p.createdAt)) c.last[i] = p.createdAt;
    }
  }
}
