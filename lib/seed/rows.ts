import { createHash } from 'node:crypto';
import type { HistoryAggregates } from '@/lib/seed/aggregates';
import { DISPUTE_EVIDENCE, RESPONSES } from '@/lib/seed/catalog';
import { NULL, copyBool, copyDate, copyNullable, copyText, copyTimestamp } from '@/lib/seed/copy';
import { isSuccessfulCharge, type GeneratedPayment } from '@/lib/seed/history';
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, PHONE_PREFIX } from '@/lib/seed/names';
import { DAY_MS, type Plan } from '@/lib/seed/plan';
import { createRng } from '@/lib/seed/random';
import { seededCardToken } from '@/lib/seed/vault';

export { COLUMNS } from '@/lib/seed/columns';

/**
 * COPY text lines for every seeded table, one generator per table, in the
 * column order of columns.ts. Every timestamp is written explicitly (never
 * DEFAULT now()), so reruns produce the same bytes.
 */

const line = (values: readonly string[]) => values.join('\t');

/** DECIMAL(5,4) from ten-thousandths, without a float in between. */
function decimal4(tenThousandths: number): string {
  return `${Math.floor(tenThousandths / 10_000)}.${String(tenThousandths % 10_000).padStart(4, '0')}`;
}

export function* userLines(plan: Plan, passwordHashes: Map<string, string>): Generator<string> {
  for (const u of plan.users) {
    const at = copyTimestamp(u.createdAt);
    yield line([u.id, u.email, copyText(passwordHashes.get(u.password)!), copyText(u.name), u.role, at, at]);
  }
}

export function* merchantLines(plan: Plan): Generator<string> {
  for (const m of plan.merchants) {
    const at = copyTimestamp(m.createdAt);
    yield line([
      m.id,
      copyText(m.businessName),
      copyText(m.legalName),
      m.businessType,
      m.taxId,
      m.email,
      m.phone,
      m.website,
      copyText(JSON.stringify(m.address)),
      m.currency,
      m.status,
      m.verificationStatus,
      '{}',
      JSON.stringify(m.feeStructure),
      m.riskLevel,
      copyNullable(m.dailyLimit),
      copyNullable(m.monthlyLimit),
      at,
      at,
    ]);
  }
}

export function* memberLines(plan: Plan): Generator<string> {
  for (const m of plan.merchants) yield line([m.id, m.ownerUserId, 'owner', copyTimestamp(m.createdAt)]);
}

/**
 * Customers with their totals from the first pass (see docs/seed.md for the
 * definitions). Contact details come from their own random stream, in pool order.
 */
export function* customerLines(plan: Plan, agg: HistoryAggregates): Generator<string> {
  const rng = createRng(plan.options.seed, 'customers');
  const c = agg.customers;
  const span = plan.anchorMs - plan.windowStartMs;
  for (const pool of plan.pools) {
    const merchant = plan.merchants[pool.merchantIndex]!;
    for (let k = 0; k < pool.size; k++) {
      const i = pool.first + k;
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const email = `${first}.${last}${rng.range(1, 999)}@${rng.pick(EMAIL_DOMAINS)}`.toLowerCase();
      const phone = rng.chance(0.5) ? `${PHONE_PREFIX[merchant.currency]}${rng.range(1000, 9999)}` : null;
      const roll = rng.float();
      const risk =
        roll < 0.9 ? rng.range(0, 2_999) : roll < 0.98 ? rng.range(3_000, 7_999) : rng.range(8_000, 9_500);
      const riskLevel = risk >= 8_000 ? 'high' : risk >= 3_000 ? 'medium' : 'low';
      const lead = rng.int(30 * DAY_MS);
      const firstAt = c.first[i]!;
      const hasHistory = c.count[i]! > 0;
      // A customer record exists a little before its first payment.
      const createdAt = hasHistory ? firstAt - lead : plan.windowStartMs + rng.int(span);
      const updatedAt = hasHistory ? c.last[i]! : createdAt;
      yield line([
        plan.customerIds[i]!,
        merchant.id,
        copyBool(pool.livemode),
        `cus_${String(k + 1).padStart(6, '0')}`,
        email,
        copyNullable(phone),
        decimal4(risk),
        riskLevel,
        String(c.count[i]),
        String(c.amount[i]),
        hasHistory ? copyTimestamp(firstAt) : NULL,
        hasHistory ? copyTimestamp(c.last[i]!) : NULL,
        't',
        copyTimestamp(createdAt),
        copyTimestamp(updatedAt),
      ]);
    }
  }
}

export function* transactionLines(plan: Plan, payments: Iterable<GeneratedPayment>): Generator<string> {
  for (const p of payments) {
    yield line([
      p.id,
      plan.merchants[p.merchantIndex]!.id,
      p.customer < 0 ? NULL : plan.customerIds[p.customer]!,
      copyBool(p.livemode),
      String(p.amount),
      p.currency,
      String(p.feeAmount),
      p.status,
      'card',
      p.gatewayName,
      p.gatewayTransactionId,
      RESPONSES[p.response]!,
      decimal4(p.fraudScore),
      p.riskLevel,
      p.description,
      copyTimestamp(p.createdAt),
      copyTimestamp(p.updatedAt),
      ...paymentProgress(p),
      // A customer's payments use the customer's saved card (lib/seed/vault.ts).
      p.customer < 0 ? NULL : seededCardToken(plan.customerIds[p.customer]!),
    ]);
  }
}

/**
 * What the PaymentIntent columns say of a seeded payment: a charge that moved
 * money was authorized and captured at once (capture_method automatic) and
 * received in full; a refunded one has its refunds' total refunded.
 */
function paymentProgress(p: GeneratedPayment): string[] {
  const at = copyTimestamp(p.createdAt);
  const charged = isSuccessfulCharge(p.status);
  const refunded = p.refunds.reduce((sum, r) => sum + r.amount, 0);
  const attempted = charged || p.status === 'failed';
  return [
    'automatic',
    String(charged ? p.amount : 0),
    String(charged ? refunded : 0),
    attempted ? '1' : '0',
    charged ? at : NULL,
    charged ? at : NULL,
  ];
}

/** A deterministic UUID for a ledger row derived from what it records. */
function derivedId(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface SeedEntry {
  id: string;
  merchantId: string;
  livemode: boolean;
  currency: string;
  type: 'charge' | 'refund';
  amount: number;
  fee: number;
  sourceType: 'payment' | 'refund';
  sourceId: string;
  createdAt: number;
  /** Balanced lines (lib/ledger's chart of accounts). */
  lines: [account: string, amount: number][];
}

/**
 * The ledger of the seeded history, as lib/ledger posts it: each charge that
 * moved money (gross from processor_clearing, net to the merchant, the fee to
 * the platform) and each refund (from the merchant back to the processor).
 * The history is settled, so every entry is available at once; the merchant
 * accounts' sums equal merchant_balances (balanceLines).
 */
function* seedEntries(plan: Plan, payments: Iterable<GeneratedPayment>): Generator<SeedEntry> {
  for (const p of payments) {
    if (!isSuccessfulCharge(p.status)) continue;
    const base = {
      merchantId: plan.merchants[p.merchantIndex]!.id,
      livemode: p.livemode,
      currency: p.currency,
    };
    const chargeLines: [string, number][] = [
      ['processor_clearing', -p.amount],
      ['merchant_available', p.amount - p.feeAmount],
      ['platform_fees', p.feeAmount],
    ];
    yield {
      ...base,
      id: derivedId(`balance_transaction:charge:${p.id}`),
      type: 'charge',
      amount: p.amount,
      fee: p.feeAmount,
      sourceType: 'payment',
      sourceId: p.id,
      createdAt: p.createdAt,
      lines: chargeLines.filter(([, amount]) => amount !== 0),
    };
    for (const r of p.refunds) {
      yield {
        ...base,
        id: derivedId(`balance_transaction:refund:${r.id}`),
        type: 'refund',
        amount: -r.amount,
        fee: 0,
        sourceType: 'refund',
        sourceId: r.id,
        createdAt: r.createdAt,
        lines: [
          ['merchant_available', -r.amount],
          ['processor_clearing', r.amount],
        ],
      };
    }
  }
}

export function* balanceTransactionLines(
  plan: Plan,
  payments: Iterable<GeneratedPayment>,
): Generator<string> {
  for (const e of seedEntries(plan, payments)) {
    const at = copyTimestamp(e.createdAt);
    yield line([
      e.id,
      e.merchantId,
      copyBool(e.livemode),
      e.currency,
      e.type,
      String(e.amount),
      String(e.fee),
      String(e.amount - e.fee),
      'available',
      at,
      e.sourceType,
      e.sourceId,
      NULL,
      at,
    ]);
  }
}

export function* ledgerLineLines(plan: Plan, payments: Iterable<GeneratedPayment>): Generator<string> {
  for (const e of seedEntries(plan, payments)) {
    const at = copyTimestamp(e.createdAt);
    for (const [i, [account, amount]] of e.lines.entries()) {
      yield line([
        derivedId(`ledger_line:${e.id}:${i}`),
        e.id,
        e.merchantId,
        copyBool(e.livemode),
        e.currency,
        account,
        String(amount),
        at,
      ]);
    }
  }
}

export function* refundLines(plan: Plan, payments: Iterable<GeneratedPayment>): Generator<string> {
  for (const p of payments) {
    if (p.refunds.length === 0) continue;
    const merchant = plan.merchants[p.merchantIndex]!;
    const paymentAt = copyTimestamp(p.createdAt);
    for (const r of p.refunds) {
      yield line([
        r.id,
        p.id,
        paymentAt,
        merchant.id,
        copyBool(p.livemode),
        String(r.amount),
        p.currency,
        r.reason,
        'succeeded',
        r.gatewayRefundId,
        merchant.ownerUserId,
        copyTimestamp(r.processedAt),
        copyTimestamp(r.createdAt),
      ]);
    }
  }
}

export function* disputeLines(plan: Plan, payments: Iterable<GeneratedPayment>): Generator<string> {
  for (const p of payments) {
    const d = p.dispute;
    if (!d) continue;
    yield line([
      d.id,
      p.id,
      copyTimestamp(p.createdAt),
      plan.merchants[p.merchantIndex]!.id,
      copyBool(p.livemode),
      'chargeback',
      d.reasonCode,
      String(p.amount),
      p.currency,
      d.status,
      copyDate(d.dueDate),
      d.evidence ? DISPUTE_EVIDENCE : '{}',
      copyNullable(d.merchantResponse),
      d.gatewayDisputeId,
      copyTimestamp(d.createdAt),
      copyTimestamp(d.updatedAt),
      d.resolvedAt === null ? NULL : copyTimestamp(d.resolvedAt),
    ]);
  }
}

export function* fraudLogLines(plan: Plan, payments: Iterable<GeneratedPayment>): Generator<string> {
  for (const p of payments) {
    const f = p.fraudLog;
    if (!f) continue;
    yield line([
      f.id,
      p.id,
      copyTimestamp(p.createdAt),
      plan.merchants[p.merchantIndex]!.id,
      copyBool(p.livemode),
      String(f.riskScore),
      copyBool(f.isFraudulent),
      copyText(f.details),
      copyTimestamp(f.createdAt),
    ]);
  }
}

export function* summaryLines(plan: Plan, agg: HistoryAggregates): Generator<string> {
  const rng = createRng(plan.options.seed, 'summaries');
  for (const s of agg.summaries.values()) {
    // Written as if the day's summary had been closed at midnight after it.
    const closedAt = copyTimestamp((s.day + 1) * DAY_MS);
    yield line([
      rng.uuid(),
      plan.merchants[s.merchantIndex]!.id,
      copyBool(s.livemode),
      copyDate(s.day * DAY_MS),
      s.currency,
      String(s.transactionCount),
      String(s.successfulCount),
      String(s.failedCount),
      String(s.refundedCount),
      String(s.grossAmount),
      String(s.feeAmount),
      String(s.grossAmount - s.feeAmount),
      String(s.refundedAmount),
      String(s.highRiskCount),
      String(s.fraudCount),
      String(s.disputeCount),
      String(s.fraudAttempts),
      closedAt,
      closedAt,
    ]);
  }
}

export function* balanceLines(plan: Plan, agg: HistoryAggregates): Generator<string> {
  const at = copyTimestamp(plan.anchorMs);
  for (const b of agg.balances.values()) {
    yield line([
      plan.merchants[b.merchantIndex]!.id,
      copyBool(b.livemode),
      b.currency,
      String(b.available),
      '0',
      at,
    ]);
  }
}
