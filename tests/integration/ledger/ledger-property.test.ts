import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { chargeFee } from '@/lib/fees/charge-fee';
import type { Scope } from '@/lib/ledger/accounts';
import { postCharge } from '@/lib/ledger/post-charge';
import { postRefund } from '@/lib/ledger/post-refund';
import { postRefundFailure } from '@/lib/ledger/post-refund-failure';
import { releaseAvailableFunds } from '@/lib/ledger/release-available-funds';
import { insertMerchant, query } from '@/tests/helpers/fixtures';
import { expectLedgerConsistent } from './helpers';

/**
 * Random sequences of pay (captured charge), fail (a payment whose
 * transaction rolls back after posting), release, refund and refund failure
 * across merchants, modes and currencies. After every step: every entry
 * balances, the merchant accounts' line sums equal merchant_balances, and each
 * merchant's funds are exactly what a plain model says — never more than its
 * charges' net (nothing from nothing).
 */
const CURRENCIES = ['USD', 'JPY', 'KWD'] as const;
const DAY = 86_400_000;

type Op =
  | { kind: 'pay'; m: number; c: number; amount: number; immediate: boolean; bps: number }
  | { kind: 'fail'; m: number; c: number; amount: number }
  | { kind: 'release' }
  | { kind: 'refund'; pick: number; share: number }
  | { kind: 'refundFailure'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      m: fc.nat(5),
      c: fc.nat(2),
      amount: fc.integer({ min: 1, max: 5_000_000 }),
      immediate: fc.boolean(),
      bps: fc.integer({ min: 0, max: 1_000 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('fail' as const),
      m: fc.nat(5),
      c: fc.nat(2),
      amount: fc.integer({ min: 1, max: 10_000 }),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('release' as const) }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      pick: fc.nat(),
      share: fc.integer({ min: 1, max: 100 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('refundFailure' as const), pick: fc.nat() }), weight: 1 },
);

interface Charge {
  scope: Scope;
  paymentId: string;
  currency: string;
  amount: number;
  refunded: number;
}

describe('ledger property', () => {
  it('after every step, lines balance, balances equal line sums, and funds never come from nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        // Three merchants, each in test and live mode: six scopes.
        const merchants = await Promise.all([0, 1, 2].map(() => insertMerchant()));
        const scopes: Scope[] = merchants.flatMap((merchantId) => [
          { merchantId, livemode: false },
          { merchantId, livemode: true },
        ]);
        const expected = new Map<string, { funds: number; chargedNet: number; fees: number }>();
        const model = (s: Scope, currency: string) => {
          const key = `${s.merchantId}:${s.livemode}:${currency}`;
          const v = expected.get(key) ?? { funds: 0, chargedNet: 0, fees: 0 };
          expected.set(key, v);
          return v;
        };
        const charges: Charge[] = [];
        const refunds: { charge: Charge; refundId: string; amount: number; failed: boolean }[] = [];

        for (const step of ops) {
          if (step.kind === 'pay') {
            const scope = scopes[step.m]!;
            const currency = CURRENCIES[step.c]!;
            const fee = chargeFee(step.amount, currency, { percent_bps: step.bps, fixed: 30 });
            const paymentId = randomUUID();
            await db().$transaction((tx) =>
              postCharge(tx, scope, {
                paymentId,
                currency,
                amount: step.amount,
                fee,
                ...(step.immediate ? { availableOn: new Date(clock.nowMs() - 1000) } : {}),
              }),
            );
            charges.push({ scope, paymentId, currency, amount: step.amount, refunded: 0 });
            const m = model(scope, currency);
            m.funds += step.amount - fee;
            m.chargedNet += step.amount - fee;
            m.fees += fee;
          } else if (step.kind === 'fail') {
            const scope = scopes[step.m]!;
            await db()
              .$transaction(async (tx) => {
                await postCharge(tx, scope, {
                  paymentId: randomUUID(),
                  currency: CURRENCIES[step.c]!,
                  amount: step.amount,
                  fee: 0,
                });
                throw new Error('declined');
              })
              .catch(() => undefined);
          } else if (step.kind === 'release') {
            await releaseAvailableFunds(new Date(clock.nowMs() + 3 * DAY));
          } else if (step.kind === 'refund') {
            const open = charges.filter((c) => c.refunded < c.amount);
            if (open.length === 0) continue;
            const charge = open[step.pick % open.length]!;
            const left = charge.amount - charge.refunded;
            const amount = Math.max(1, Math.floor((left * step.share) / 100));
            const refundId = randomUUID();
            await db().$transaction((tx) =>
              postRefund(tx, charge.scope, {
                refundId,
                paymentId: charge.paymentId,
                currency: charge.currency,
                amount,
              }),
            );
            charge.refunded += amount;
            refunds.push({ charge, refundId, amount, failed: false });
            model(charge.scope, charge.currency).funds -= amount;
          } else {
            const open = refunds.filter((r) => !r.failed);
            if (open.length === 0) continue;
            const refund = open[step.pick % open.length]!;
            await db().$transaction((tx) =>
              postRefundFailure(tx, refund.charge.scope, {
                refundId: refund.refundId,
                currency: refund.charge.currency,
                amount: refund.amount,
              }),
            );
            refund.failed = true;
            refund.charge.refunded -= refund.amount;
            model(refund.charge.scope, refund.charge.currency).funds += refund.amount;
          }

          await expectLedgerConsistent();
          const rows = await query<{ key: string; funds: string; fees: string }>(
            `SELECT b.merchant_id || ':' || b.livemode || ':' || b.currency AS key,
                    (b.available_balance + b.pending_balance)::text AS funds,
                    (SELECT coalesce(sum(l.amount), 0) FROM ledger_lines l
                      WHERE l.merchant_id = b.merchant_id AND l.livemode = b.livemode
                        AND l.currency = b.currency AND l.account = 'platform_fees')::text AS fees
               FROM merchant_balances b WHERE b.merchant_id = ANY($1::uuid[])`,
            [merchants],
          );
          const actual = new Map(rows.map((r) => [r.key, { funds: Number(r.funds), fees: Number(r.fees) }]));
          for (const [key, m] of expected) {
            const got = actual.get(key) ?? { funds: 0, fees: 0 };
            expect(got, key).toEqual({ funds: m.funds, fees: m.fees });
            expect(got.funds, `${key}: funds from nothing`).toBeLessThanOrEqual(m.chargedNet);
          }
          // No balance row the model does not know of (a failed payment left nothing).
          for (const [key, got] of actual)
            if (!expected.has(key)) expect(got, key).toEqual({ funds: 0, fees: 0 });
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
