import { describe, expect, it } from 'vitest';
import { HistoryAggregates } from './aggregates';
import { computeFee } from '@/lib/fees/compute-fee';
import { generateHistory, isSuccessfulCharge, type GeneratedPayment } from './history';
import { allocate, buildPlan, DAY_MS, monthsCovered, startOfTodayUtc, type PlanOptions } from './plan';

const ANCHOR = new Date('2026-03-15T00:00:00Z');
const OPTIONS: PlanOptions = { merchants: 5, transactions: 20_000, seed: 42, days: 90, anchor: ANCHOR };

function generate(options: PlanOptions = OPTIONS) {
  const plan = buildPlan(options);
  return { plan, payments: [...generateHistory(plan)] };
}

describe('buildPlan', () => {
  it('starts with the demo merchant, its owner and the platform admin', () => {
    const { merchants, users } = buildPlan(OPTIONS);
    expect(merchants).toHaveLength(5);
    expect(merchants[0]).toMatchObject({
      businessName: 'Acme Outfitters',
      status: 'active',
      verificationStatus: 'verified',
      currency: 'USD',
      feeStructure: { percent_bps: 290, fixed: 30 },
    });
    expect(users.map((u) => u.email).slice(0, 2)).toEqual(['admin@example.com', 'demo@example.com']);
    expect(users.find((u) => u.id === merchants[0]!.ownerUserId)?.email).toBe('demo@example.com');
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    expect(new Set(merchants.map((m) => m.email)).size).toBe(merchants.length);
  });

  it('allocates exactly the requested transactions, live mode only for active merchants', () => {
    const { merchants, pools } = buildPlan(OPTIONS);
    expect(merchants.reduce((n, m) => n + m.counts[0] + m.counts[1], 0)).toBe(20_000);
    for (const m of merchants) if (m.status !== 'active') expect(m.counts[1]).toBe(0);
    for (const pool of pools) {
      const m = merchants[pool.merchantIndex]!;
      const perDay = pool.dayCounts.reduce((a, b) => a + b, 0);
      expect(perDay).toBe(m.counts[pool.livemode ? 1 : 0]);
    }
  });

  it('requires a midnight-UTC anchor', () => {
    expect(() => buildPlan({ ...OPTIONS, anchor: new Date('2026-03-15T10:00:00Z') })).toThrow(/midnight/);
  });
});

describe('generateHistory', () => {
  it('is deterministic: the same options give the same payments', () => {
    const a = generate({ ...OPTIONS, transactions: 2_000 });
    const b = generate({ ...OPTIONS, transactions: 2_000 });
    expect(JSON.stringify(b.plan.users)).toBe(JSON.stringify(a.plan.users));
    expect(JSON.stringify(b.payments)).toBe(JSON.stringify(a.payments));
    const other = generate({ ...OPTIONS, transactions: 2_000, seed: 43 });
    expect(other.payments[0]!.id).not.toBe(a.payments[0]!.id);
  });

  const { plan, payments } = generate();

  it('keeps every timestamp inside the window, before the anchor', () => {
    const start = ANCHOR.getTime() - 90 * DAY_MS;
    const bad = payments.filter(
      (p) =>
        p.createdAt < start ||
        p.updatedAt < p.createdAt ||
        p.updatedAt >= ANCHOR.getTime() ||
        p.refunds.some((r) => r.createdAt < p.createdAt || r.processedAt >= ANCHOR.getTime()) ||
        (p.dispute !== null &&
          (p.dispute.createdAt < p.createdAt || p.dispute.updatedAt >= ANCHOR.getTime())),
    );
    expect(bad).toEqual([]);
  });

  it('produces the specified status mix', () => {
    const share = (status: GeneratedPayment['status']) =>
      payments.filter((p) => p.status === status).length / payments.length;
    expect(share('succeeded')).toBeCloseTo(0.85, 1);
    expect(share('failed')).toBeCloseTo(0.08, 1);
    expect(share('refunded')).toBeCloseTo(0.04, 1);
    expect(share('disputed')).toBeGreaterThan(0.005);
    expect(share('disputed')).toBeLessThan(0.02);
    expect(share('authorized') + share('cancelled') + share('pending')).toBeCloseTo(0.02, 1);
  });

  it('charges fees on successful charges only, from the merchant fee structure', () => {
    for (const p of payments) {
      const fees = plan.merchants[p.merchantIndex]!.feeStructure;
      expect(p.feeAmount).toBe(isSuccessfulCharge(p.status) ? computeFee(p.amount, fees) : 0);
      expect(p.amount).toBeGreaterThan(p.feeAmount);
    }
  });

  it('refunds only refunded payments, never more than the amount', () => {
    for (const p of payments) {
      const refunded = p.refunds.reduce((sum, r) => sum + r.amount, 0);
      expect(p.refunds.length > 0).toBe(p.status === 'refunded');
      expect(refunded).toBeLessThanOrEqual(p.amount);
      for (const r of p.refunds) expect(r.amount).toBeGreaterThan(0);
      expect(p.dispute !== null).toBe(p.status === 'disputed');
    }
    expect(payments.some((p) => p.refunds.length === 2)).toBe(true);
    expect(payments.some((p) => p.refunds.length === 1 && p.refunds[0]!.amount < p.amount)).toBe(true);
  });

  it('marks high risk consistently and logs every high-risk payment', () => {
    for (const p of payments) {
      expect(p.riskLevel === 'high').toBe(p.fraudScore >= 8_000);
      if (p.riskLevel === 'high') expect(p.fraudLog).not.toBeNull();
    }
    expect(payments.filter((p) => p.fraudScore > 8_000).length).toBeGreaterThan(100);
    expect(payments.some((p) => p.status === 'failed' && p.fraudLog?.isFraudulent)).toBe(true);
  });

  it('uses every seeded currency', () => {
    expect(new Set(payments.map((p) => p.currency))).toEqual(new Set(['USD', 'EUR', 'GBP', 'JPY', 'KWD']));
    expect(payments.filter((p) => p.currency === 'JPY').every((p) => p.amount % 10 === 0)).toBe(true);
  });

  it('aggregates customer totals, summaries and balances from the same payments', () => {
    const agg = new HistoryAggregates(plan.customerIds.length);
    for (const p of payments) agg.add(p);
    const summed = [...agg.summaries.values()].reduce((n, s) => n + s.transactionCount, 0);
    expect(summed).toBe(payments.length);
    const customerCount = agg.customers.count.reduce((a, b) => a + b, 0);
    expect(customerCount).toBe(payments.filter((p) => p.customer >= 0).length);
    const available = [...agg.balances.values()].reduce((n, b) => n + b.available, 0);
    const expected = payments
      .filter((p) => isSuccessfulCharge(p.status))
      .reduce((n, p) => n + p.amount - p.feeAmount - p.refunds.reduce((s, r) => s + r.amount, 0), 0);
    expect(available).toBe(expected);
  });
});

describe('helpers', () => {
  it('allocate splits a total exactly by weight', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(0, [2, 1])).toEqual([0, 0]);
    expect(allocate(7, [3, 0])).toEqual([7, 0]);
  });

  it('monthsCovered lists the first day of each month touched', () => {
    const start = Date.UTC(2025, 11, 20);
    expect(monthsCovered(start, Date.UTC(2026, 2, 1))).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    expect(monthsCovered(start, Date.UTC(2026, 2, 2))).toEqual([
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
  });

  it('startOfTodayUtc truncates to midnight UTC', () => {
    expect(startOfTodayUtc(new Date('2026-05-04T23:59:59.999Z')).toISOString()).toBe(
      '2026-05-04T00:00:00.000Z',
    );
  });
});
