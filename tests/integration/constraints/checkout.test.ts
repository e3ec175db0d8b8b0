import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { itEnforcesConstraints } from '@/tests/helpers/constraint-suite';
import {
  breaks,
  checkLiterals,
  insertCheckoutLineItem,
  insertCheckoutSession,
  insertCustomer,
  insertMerchant,
  one,
  query,
  twice,
  type Row,
  type Violation,
} from '@/tests/helpers/fixtures';

// checkout_sessions and checkout_line_items (migration 20261121061000_checkout_sessions).
const TABLES = ['checkout_sessions', 'checkout_line_items'] as const;
type Table = (typeof TABLES)[number];

const make: Record<Table, (over?: Row) => Promise<unknown>> = {
  checkout_sessions: async (o) => insertCheckoutSession(await insertMerchant(), o),
  checkout_line_items: async (o) => insertCheckoutLineItem(await insertCheckoutSession(await insertMerchant()), o),
};

const NOT_NULL: Record<Table, string[]> = {
  checkout_sessions: [
    'id',
    'merchant_id',
    'livemode',
    'mode',
    'status',
    'payment_status',
    'currency',
    'amount_subtotal',
    'amount_total',
    'success_url',
    'expires_at',
    'metadata',
    'payment_intent_data',
    'created_at',
    'updated_at',
  ],
  checkout_line_items: [
    'id',
    'session_id',
    'position',
    'name',
    'images',
    'currency',
    'unit_amount',
    'quantity',
    'amount_subtotal',
    'amount_total',
    'created_at',
  ],
};

const [check, unique, fk] = [breaks.check<Table>, breaks.unique<Table>, breaks.fk<Table>];
const hour = 3600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

const VIOLATIONS: Violation<Table>[] = [
  check('checkout_sessions', 'checkout_sessions_valid_mode', { mode: 'subscription' }),
  check('checkout_sessions', 'checkout_sessions_valid_status', { status: 'paid' }),
  check('checkout_sessions', 'checkout_sessions_valid_payment_status', { payment_status: 'refunded' }),
  check('checkout_sessions', 'checkout_sessions_currency_iso', { currency: 'usd' }),
  check('checkout_sessions', 'checkout_sessions_amounts_non_negative', { amount_subtotal: -1, amount_total: -1 }),
  check('checkout_sessions', 'checkout_sessions_amounts_non_negative', { amount_total: 1001 }),
  check('checkout_sessions', 'checkout_sessions_metadata_object', { metadata: '[]' }),
  check('checkout_sessions', 'checkout_sessions_payment_intent_data_object', { payment_intent_data: '"x"' }),
  // Stripe's 30 minutes to 24 hours.
  check('checkout_sessions', 'checkout_sessions_expiry_window', { expires_at: at(10 * 60_000) }),
  check('checkout_sessions', 'checkout_sessions_expiry_window', { expires_at: at(25 * hour) }),
  check('checkout_sessions', 'checkout_sessions_complete_consistent', {
    status: 'complete',
    payment_status: 'paid',
    completed_at: at(0),
  }),
  check('checkout_sessions', 'checkout_sessions_expired_consistent', { status: 'expired' }),
  check('checkout_sessions', 'checkout_sessions_paid_is_complete', { payment_status: 'paid' }),
  unique('checkout_sessions', 'checkout_sessions_pkey', async () => {
    const m = await insertMerchant();
    return insertCheckoutSession(m, { id: await insertCheckoutSession(m) });
  }),
  fk('checkout_sessions', 'checkout_sessions_merchant_id_fkey', () => insertCheckoutSession(randomUUID())),
  fk('checkout_sessions', 'checkout_sessions_customer_id_fkey', async () =>
    insertCheckoutSession(await insertMerchant(), { customer_id: randomUUID() }),
  ),

  unique('checkout_line_items', 'checkout_line_items_pkey', async () => {
    const s = await insertCheckoutSession(await insertMerchant());
    return insertCheckoutLineItem(s, { position: 1, id: await insertCheckoutLineItem(s) });
  }),
  unique('checkout_line_items', 'checkout_line_items_session_position', async () => {
    const s = await insertCheckoutSession(await insertMerchant());
    return twice(() => insertCheckoutLineItem(s, { position: 0 }))();
  }),
  fk('checkout_line_items', 'checkout_line_items_session_id_fkey', () => insertCheckoutLineItem(randomUUID())),
  check('checkout_line_items', 'checkout_line_items_position_non_negative', { position: -1 }),
  check('checkout_line_items', 'checkout_line_items_name_not_blank', { name: '   ' }),
  check('checkout_line_items', 'checkout_line_items_images_bounded', {
    images: Array.from({ length: 9 }, (_, i) => `https://shop.example/${i}.png`),
  }),
  check('checkout_line_items', 'checkout_line_items_currency_iso', { currency: 'US' }),
  check('checkout_line_items', 'checkout_line_items_amounts', {
    unit_amount: -5,
    quantity: 1,
    amount_subtotal: -5,
    amount_total: -5,
  }),
  check('checkout_line_items', 'checkout_line_items_quantity_positive', {
    quantity: 0,
    amount_subtotal: 0,
    amount_total: 0,
  }),
  // The line's subtotal is unit_amount × quantity, exactly.
  check('checkout_line_items', 'checkout_line_items_amounts', { amount_subtotal: 999, amount_total: 999 }),
  check('checkout_line_items', 'checkout_line_items_amounts', { amount_total: -1 }),
];

describe('checkout sessions and line items constraints', () => {
  itEnforcesConstraints({ tables: TABLES, make, notNull: NOT_NULL, violations: VIOLATIONS });

  it('the status sets are exactly what lib/checkout writes', async () => {
    expect((await checkLiterals('checkout_sessions', 'checkout_sessions_valid_status')).sort()).toEqual([
      'complete',
      'expired',
      'open',
    ]);
    expect((await checkLiterals('checkout_sessions', 'checkout_sessions_valid_payment_status')).sort()).toEqual([
      'no_payment_required',
      'paid',
      'unpaid',
    ]);
  });

  it('a complete session with its payment, and an expired one, are accepted', async () => {
    const m = await insertMerchant();
    await insertCheckoutSession(m, {
      status: 'complete',
      payment_status: 'paid',
      completed_at: at(0),
      payment_id: randomUUID(),
      customer_id: await insertCustomer(m),
    });
    await insertCheckoutSession(m, { status: 'expired', expired_at: at(0) });
  });

  it('a payment belongs to at most one session', async () => {
    const m = await insertMerchant();
    const payment = randomUUID();
    await insertCheckoutSession(m, { payment_id: payment });
    await expect(insertCheckoutSession(m, { payment_id: payment })).rejects.toMatchObject({
      code: '23505',
      constraint: 'idx_checkout_sessions_payment',
    });
  });

  it('deleting a session deletes its line items', async () => {
    const s = await insertCheckoutSession(await insertMerchant());
    await insertCheckoutLineItem(s);
    await query('DELETE FROM checkout_sessions WHERE id = $1', [s]);
    expect(await one('SELECT count(*)::int AS n FROM checkout_line_items WHERE session_id = $1', [s])).toEqual({
      n: 0,
    });
  });

  it('the expiry sweep and the list have their indexes', async () => {
    const defs = await query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'checkout_sessions' ORDER BY indexname`,
    );
    expect(defs.map((d) => d.indexdef)).toEqual(
      expect.arrayContaining([
        'CREATE INDEX idx_checkout_sessions_merchant_mode_created ON public.checkout_sessions USING btree (merchant_id, livemode, created_at DESC, id DESC)',
        "CREATE INDEX idx_checkout_sessions_open_expiry ON public.checkout_sessions USING btree (expires_at) WHERE ((status)::text = 'open'::text)",
      ]),
    );
  });
});
