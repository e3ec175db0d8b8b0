import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { toPublicId } from '@/lib/api/object-id';
import { db } from '@/lib/db/client';
import { cancelPaymentIntent } from '@/lib/payments/cancel-payment-intent';
import { capturePaymentIntent } from '@/lib/payments/capture-payment-intent';
import { createPaymentIntent } from '@/lib/payments/create-payment-intent';
import { createRefund } from '@/lib/refunds/create-refund';
import { insertMerchant, query } from '@/tests/helpers/fixtures';
import { expectLedgerConsistent } from '../ledger/helpers';

/**
 * Random sequences of pay (automatic or manual capture, or a declined card),
 * capture (full or partial), refund (any amount, over-refunds included) and
 * cancel, across merchants and currencies, through the same use cases the API
 * runs. After every step: every ledger entry balances, each merchant's line
 * sums equal its balances, and each merchant's funds are exactly captured
 * minus fees minus refunds (nothing from nothing, nothing lost).
 */
const CURRENCIES = ['USD', 'JPY', 'EUR'] as const;
const CARDS = ['pm_card_visa', 'pm_card_visa', 'pm_card_mastercard', 'pm_card_chargeDeclined'] as const;
const request = { requestId: null, idempotencyKey: null };

type Op =
  | { kind: 'pay'; m: number; c: number; amount: number; card: number; manual: boolean }
  | { kind: 'capture'; pick: number; share: number }
  | { kind: 'refund'; pick: number; share: number }
  | { kind: 'cancel'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      m: fc.nat(2),
      c: fc.nat(CURRENCIES.length - 1),
      amount: fc.integer({ min: 50, max: 500_000 }),
      card: fc.nat(CARDS.length - 1),
      manual: fc.boolean(),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('capture' as const),
      pick: fc.nat(),
      share: fc.integer({ min: 1, max: 120 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      pick: fc.nat(),
      share: fc.integer({ min: 1, max: 120 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }), weight: 1 },
);

async function expectFundsMatchPayments(merchantIds: string[]) {
  const rows = await query<{ merchant_id: string; currency: string; funds: string; expected: string }>(
    `WITH paid AS (
       SELECT merchant_id, currency, sum(amount_received - fee_amount) AS net, sum(amount_refunded) AS refunded
         FROM transactions WHERE merchant_id = ANY($1::uuid[]) AND amount_received > 0
        GROUP BY merchant_id, currency)
     SELECT p.merchant_id, p.currency,
            (coalesce(b.available_balance, 0) + coalesce(b.pending_balance, 0))::text AS funds,
            (p.net - p.refunded)::text AS expected
       FROM paid p LEFT JOIN merchant_balances b ON b.merchant_id = p.merchant_id AND b.currency = p.currency
                                                AND b.livemode = false`,
    [merchantIds],
  );
  for (const r of rows) expect(r.funds, `${r.merchant_id} ${r.currency}`).toBe(r.expected);
  const strays = await query(
    `SELECT b.merchant_id, b.currency FROM merchant_balances b
      WHERE b.merchant_id = ANY($1::uuid[]) AND (b.available_balance <> 0 OR b.pending_balance <> 0)
        AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.merchant_id = b.merchant_id
                         AND t.currency = b.currency AND t.amount_received > 0)`,
    [merchantIds],
  );
  expect(strays).toEqual([]);
}

describe('payments keep the ledger whole', () => {
  it('under random pay / capture / refund / cancel / decline sequences', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const merchants = await Promise.all([0, 1, 2].map(() => insertMerchant({ status: 'active' })));
        const made: { id: string; merchant: number }[] = [];
        for (const o of ops) {
          const pickFrom = (n: number) => (made.length ? made[n % made.length]! : null);
          try {
            await db().$transaction(async (tx) => {
              if (o.kind === 'pay') {
                const scope = { merchantId: merchants[o.m]!, livemode: false };
                const result = await createPaymentIntent(
                  tx,
                  scope,
                  {
                    amount: o.amount,
                    currency: CURRENCIES[o.c]!,
                    payment_method: CARDS[o.card]!,
                    capture_method: o.manual ? 'manual' : 'automatic',
                    confirm: true,
                  },
                  request,
                );
                made.push({ id: result.row.id, merchant: o.m });
                return;
              }
              const p = pickFrom(o.pick);
              if (!p) return;
              const scope = { merchantId: merchants[p.merchant]!, livemode: false };
              const amountOf = async (column: string) =>
                Number(
                  (
                    await tx.$queryRawUnsafe<{ v: bigint }[]>(
                      `SELECT ${column} AS v FROM transactions WHERE id = $1::uuid`,
                      p.id,
                    )
                  )[0]!.v,
                );
              if (o.kind === 'capture') {
                const capturable = await amountOf('amount_capturable');
                const amount = Math.max(1, Math.floor((capturable * o.share) / 100));
                await capturePaymentIntent(tx, scope, p.id, { amount_to_capture: amount }, request);
              } else if (o.kind === 'refund') {
                const received = await amountOf('amount_received');
                const amount = Math.max(1, Math.floor((received * o.share) / 100));
                await createRefund(tx, scope, { payment_intent: toPublicId('pi', p.id), amount }, request);
              } else {
                await cancelPaymentIntent(tx, scope, p.id, {}, request);
              }
            });
          } catch (err) {
            // A refused operation (wrong state, over-refund, over-capture) changes nothing.
            if (!(err instanceof ApiError)) throw err;
          }
          await expectLedgerConsistent();
          await expectFundsMatchPayments(merchants);
        }
      }),
      { numRuns: 12 },
    );
  });
});
