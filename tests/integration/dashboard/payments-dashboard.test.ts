import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { fromPublicId, toPublicId } from '@/lib/api/object-id';
import { getCustomerForDashboard } from '@/lib/customers/get-customer-for-dashboard';
import { listCustomersForDashboard } from '@/lib/customers/list-customers-for-dashboard';
import { db } from '@/lib/db/client';
import type { PaymentActor } from '@/lib/payments/dashboard/actor';
import { capturePaymentFromDashboard } from '@/lib/payments/dashboard/capture-payment';
import { getPaymentForDashboard } from '@/lib/payments/dashboard/get-payment';
import { listPaymentsForDashboard } from '@/lib/payments/dashboard/list-payments';
import { refundPaymentFromDashboard } from '@/lib/payments/dashboard/refund-payment';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import {
  insertCustomer,
  insertMerchant,
  insertTransaction,
  insertVault,
  query,
} from '@/tests/helpers/fixtures';
import { merchantWithKey } from '../api/helpers';

/**
 * The dashboard's payment and customer use cases on real PostgreSQL: filters,
 * cursors, one merchant and one mode at a time, and the audited refund and
 * capture over payments made through the API.
 */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

const test = (merchantId: string) => ({ merchantId, livemode: false });
const at = (iso: string) => ({ created_at: iso });

describe('payments list', () => {
  it('filters by status and UTC day, newest first, with customer email and card in one page', async () => {
    const merchantId = await insertMerchant();
    const customerId = await insertCustomer(merchantId, { email: 'ann@example.test' });
    const token = await insertVault(customerId, merchantId, { brand: 'visa', last_four: '4242' });
    await insertTransaction(merchantId, {
      status: 'succeeded',
      customer_id: customerId,
      payment_method_token: token,
      ...at('2026-03-01T10:00:00Z'),
    });
    await insertTransaction(merchantId, { status: 'authorized', ...at('2026-03-02T10:00:00Z') });
    await insertTransaction(merchantId, { status: 'failed', ...at('2026-03-02T11:00:00Z') });
    await insertTransaction(merchantId, { status: 'refunded', ...at('2026-03-03T10:00:00Z') });
    await insertTransaction(merchantId, { status: 'cancelled', ...at('2026-03-04T10:00:00Z') });

    const all = (await listPaymentsForDashboard(db(), test(merchantId), {}))!;
    expect(all.rows.map((r) => r.status)).toEqual([
      'canceled',
      'refunded',
      'failed',
      'requires_capture',
      'succeeded',
    ]);
    expect(all.rows[4]).toMatchObject({
      customer: { id: toPublicId('cus', customerId), email: 'ann@example.test' },
      card: { brand: 'visa', last4: '4242' },
    });
    expect(all.olderThan).toBeNull();
    expect(all.newerThan).toBeNull();

    const statuses = async (status: Parameters<typeof listPaymentsForDashboard>[2]['status']) =>
      (await listPaymentsForDashboard(db(), test(merchantId), { status }))!.rows.map((r) => r.status);
    expect(await statuses('succeeded')).toEqual(['succeeded']);
    expect(await statuses('refunded')).toEqual(['refunded']);
    expect(await statuses('requires_capture')).toEqual(['requires_capture']);
    expect(await statuses('requires_payment_method')).toEqual(['failed']);
    expect(await statuses('canceled')).toEqual(['canceled']);

    const day = await listPaymentsForDashboard(db(), test(merchantId), {
      from: new Date('2026-03-02T00:00:00Z'),
      until: new Date('2026-03-03T00:00:00Z'),
    });
    expect(day!.rows.map((r) => r.status)).toEqual(['failed', 'requires_capture']);
  });

  it('walks pages by cursor both ways', async () => {
    const merchantId = await insertMerchant();
    for (let i = 1; i <= 5; i++) await insertTransaction(merchantId, at(`2026-03-0${i}T00:00:00Z`));
    const first = (await listPaymentsForDashboard(db(), test(merchantId), {}, null, 2))!;
    expect(first.newerThan).toBeNull();
    expect(first.olderThan).toBe(first.rows[1]!.id);
    const second = (await listPaymentsForDashboard(
      db(),
      test(merchantId),
      {},
      { id: fromPublicId('pi', first.olderThan!)!, direction: 'older' },
      2,
    ))!;
    expect(second.rows.map((r) => r.created.toISOString().slice(0, 10))).toEqual([
      '2026-03-03',
      '2026-03-02',
    ]);
    expect(second.newerThan).toBe(second.rows[0]!.id);
    const back = (await listPaymentsForDashboard(
      db(),
      test(merchantId),
      {},
      { id: fromPublicId('pi', second.newerThan!)!, direction: 'newer' },
      2,
    ))!;
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.newerThan).toBeNull();
  });

  it("keeps to one merchant and one mode: another's payment, customer or cursor is not found", async () => {
    const mine = await insertMerchant();
    const theirs = await insertMerchant();
    const theirPayment = await insertTransaction(theirs, { status: 'succeeded' });
    const myLive = await insertTransaction(mine, { status: 'succeeded', livemode: true });
    const theirCustomer = await insertCustomer(theirs, { email: 'theirs@example.test' });

    expect((await listPaymentsForDashboard(db(), test(mine), {}))!.rows).toEqual([]);
    expect(
      await listPaymentsForDashboard(db(), test(mine), {}, { id: theirPayment.id, direction: 'older' }),
    ).toBeNull();
    expect(await getPaymentForDashboard(db(), test(mine), toPublicId('pi', theirPayment.id))).toBeNull();
    expect(await getPaymentForDashboard(db(), test(mine), toPublicId('pi', myLive.id))).toBeNull();
    expect(await getPaymentForDashboard(db(), test(mine), 'pi_nonsense')).toBeNull();
    const live = { merchantId: mine, livemode: true };
    expect((await listPaymentsForDashboard(db(), live, {}))!.rows.map((r) => r.id)).toEqual([
      toPublicId('pi', myLive.id),
    ]);
    expect(await getPaymentForDashboard(db(), live, toPublicId('pi', myLive.id))).not.toBeNull();
    expect(
      await getCustomerForDashboard(db(), test(mine), toPublicId('cus', theirCustomer), { withPii: true }),
    ).toBeNull();
    expect((await listCustomersForDashboard(db(), test(mine), {}))!.rows).toEqual([]);
  });
});

describe('customers', () => {
  it('lists by email prefix (taken literally) and shows saved cards without decrypting unless asked', async () => {
    const merchantId = await insertMerchant();
    const ann = await insertCustomer(merchantId, { email: 'ann@example.test' });
    await insertCustomer(merchantId, { email: 'bob@example.test' });
    await insertCustomer(merchantId, { email: 'a_x@example.test' });
    await insertVault(ann, merchantId, { brand: 'mastercard', last_four: '4444', expires_at: '2030-12-31' });

    const emails = async (emailPrefix?: string) =>
      (await listCustomersForDashboard(db(), test(merchantId), { emailPrefix }))!.rows.map((r) => r.email);
    expect(await emails('A')).toEqual(['a_x@example.test', 'ann@example.test']);
    expect(await emails('a_')).toEqual(['a_x@example.test']);
    expect(await emails()).toHaveLength(3);

    const detail = await getCustomerForDashboard(db(), test(merchantId), toPublicId('cus', ann), {
      withPii: false,
    });
    expect(detail).toMatchObject({ email: 'ann@example.test', pii: null });
    expect(detail!.cards).toEqual([
      expect.objectContaining({ brand: 'mastercard', last4: '4444', expMonth: 12, expYear: 2030 }),
    ]);
  });
});

describe('refund and capture from the dashboard', () => {
  it('refunds part, refuses more than is left with the domain error, captures, and audits each', async () => {
    const { actor: keyActor, key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const paid = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const held = await stripe.paymentIntents.create({
      amount: 3000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      capture_method: 'manual',
      confirm: true,
    });
    const actor: PaymentActor = {
      ...keyActor,
      mode: 'test',
      context: { ip: '127.0.0.1', userAgent: 'vitest' },
    };
    const scope = test(actor.merchantId);

    const { formatted } = await refundPaymentFromDashboard(actor, {
      payment_intent: paid.id,
      amount: '20.00',
      reason: 'requested_by_customer',
      confirm: 'on',
    });
    expect(formatted).toBe('$20.00');
    const err = await refundPaymentFromDashboard(actor, {
      payment_intent: paid.id,
      amount: '40',
      reason: '',
      confirm: 'on',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).options.code).toBe('amount_too_large');

    const detail = (await getPaymentForDashboard(db(), scope, paid.id))!;
    expect(detail.amounts).toMatchObject({ gross: 5000, received: 5000, refunded: 2000, refundable: 3000 });
    expect(detail.amounts.fee).toBeGreaterThan(0);
    expect(detail.amounts.net).toBe(5000 - detail.amounts.fee!);
    expect(detail.refunds).toMatchObject([
      { amount: 2000, status: 'succeeded', reason: 'requested_by_customer' },
    ]);
    expect(detail.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['payment_intent.succeeded', 'charge.refunded', 'refund.created']),
    );
    expect(detail.attempts.map((a) => [a.operation, a.outcome])).toEqual(
      expect.arrayContaining([['authorize', 'approved']]),
    );
    expect(JSON.stringify(detail.attempts)).not.toContain('4242424242424242');
    expect(detail.card).toMatchObject({ brand: 'visa', last4: '4242' });

    const before = (await getPaymentForDashboard(db(), scope, held.id))!;
    expect(before).toMatchObject({
      intentStatus: 'requires_capture',
      can: { capture: true, cancel: true, refund: false },
    });
    expect(before.amounts).toMatchObject({ capturable: 3000, fee: null, net: null });
    await capturePaymentFromDashboard(actor, { payment_intent: held.id, amount: '' });
    expect((await stripe.paymentIntents.retrieve(held.id)).status).toBe('succeeded');

    const audit = await query(
      `SELECT action, outcome, target_id FROM audit_log WHERE merchant_id = $1 AND action LIKE 'payment.%' ORDER BY id`,
      [actor.merchantId],
    );
    expect(audit).toEqual([
      { action: 'payment.refund', outcome: 'success', target_id: paid.id },
      { action: 'payment.refund', outcome: 'failure', target_id: paid.id },
      { action: 'payment.capture', outcome: 'success', target_id: held.id },
    ]);
  });

  it("another merchant's payment is not found and stays unchanged", async () => {
    const { key } = await merchantWithKey();
    const paid = await server.stripe(key).paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const { actor: other } = await merchantWithKey();
    const err = await refundPaymentFromDashboard(
      { ...other, mode: 'test', context: { ip: '127.0.0.1', userAgent: 'vitest' } },
      { payment_intent: paid.id, amount: '', reason: '', confirm: 'on' },
    ).catch((e: unknown) => e);
    expect((err as Error).message).toBe('No such payment.');
    expect((await server.stripe(key).paymentIntents.retrieve(paid.id)).amount_received).toBe(1000);
    const [row] = await query('SELECT amount_refunded FROM transactions WHERE id = $1', [
      fromPublicId('pi', paid.id),
    ]);
    expect(row!.amount_refunded).toBe('0');
  });
});
