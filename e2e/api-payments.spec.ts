import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { createKeyInDashboard, keyName, openNewMerchantKeysPage, stripeError, stripeFor } from './helpers/api';

/**
 * Payments through the official stripe SDK against the running app: a card
 * payment, each decline, a partial manual capture, partial refunds and the
 * over-refund error, a cancel, auto-pagination, and a balance that adds up
 * with its balance transactions. A new merchant, so its balance starts at zero.
 */
let stripe: Stripe;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await openNewMerchantKeysPage(page, 'Ledger Lane Goods');
  stripe = stripeFor(await createKeyInDashboard(page, { name: keyName('Payments') }));
  await page.close();
});

test('pm_card_visa: create + confirm succeeds', async () => {
  const pi = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
  expect(pi).toMatchObject({ status: 'succeeded', amount_received: 2000 });
  expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
});

test('each decline card raises StripeCardError with its decline_code', async () => {
  const cases: [string, string][] = [
    ['pm_card_chargeDeclined', 'generic_decline'],
    ['pm_card_visa_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
    ['pm_card_visa_chargeDeclinedLostCard', 'lost_card'],
    ['pm_card_visa_chargeDeclinedStolenCard', 'stolen_card'],
    ['pm_card_chargeDeclinedExpiredCard', 'expired_card'],
    ['pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc'],
    ['pm_card_chargeDeclinedProcessingError', 'processing_error'],
  ];
  for (const [pm, declineCode] of cases) {
    const err = await stripeError(stripe.paymentIntents.create({ amount: 700, currency: 'usd', payment_method: pm, confirm: true }));
    expect(err, pm).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err.decline_code, pm).toBe(declineCode);
    expect(err.payment_intent?.status, pm).toBe('requires_payment_method');
  }
});

test('manual capture of part of an authorization, then refunds up to it and no further', async () => {
  const pi = await stripe.paymentIntents.create({
    amount: 5000,
    currency: 'usd',
    payment_method: 'pm_card_mastercard',
    capture_method: 'manual',
    confirm: true,
  });
  expect(pi.status).toBe('requires_capture');
  const captured = await stripe.paymentIntents.capture(pi.id, { amount_to_capture: 4000 });
  expect(captured).toMatchObject({ status: 'succeeded', amount_received: 4000 });

  await stripe.refunds.create({ payment_intent: pi.id, amount: 1500 });
  await stripe.refunds.create({ payment_intent: pi.id, amount: 2000 });
  const over = await stripeError(stripe.refunds.create({ payment_intent: pi.id, amount: 600 }));
  expect(over).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  expect(over).toMatchObject({ code: 'amount_too_large', param: 'amount' });
  expect((await stripe.refunds.list({ payment_intent: pi.id })).data).toHaveLength(2);
});

test('cancel before capture', async () => {
  const pi = await stripe.paymentIntents.create({ amount: 900, currency: 'usd', payment_method: 'pm_card_visa', capture_method: 'manual', confirm: true });
  const canceled = await stripe.paymentIntents.cancel(pi.id, { cancellation_reason: 'abandoned' });
  expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
  const err = await stripeError(stripe.paymentIntents.capture(pi.id));
  expect(err.code).toBe('payment_intent_unexpected_state');
});

test('auto-pagination lists every intent once', async () => {
  const ids = new Set<string>();
  for await (const pi of stripe.paymentIntents.list({ limit: 3 })) {
    expect(ids.has(pi.id)).toBe(false);
    ids.add(pi.id);
  }
  // 1 + 7 declines + 1 manual + 1 canceled so far.
  expect(ids.size).toBe(10);
});

test('the balance equals the sum of its balance transactions', async () => {
  const balance = await stripe.balance.retrieve();
  const transactions = await stripe.balanceTransactions.list({ limit: 100 }).autoPagingToArray({ limit: 1000 });
  const total = (status: string) =>
    transactions.filter((t) => t.status === status && t.currency === 'usd').reduce((sum, t) => sum + t.net, 0);
  const amountOf = (list: { amount: number; currency: string }[]) => list.find((b) => b.currency === 'usd')?.amount ?? 0;
  expect(amountOf(balance.pending)).toBe(total('pending'));
  expect(amountOf(balance.available)).toBe(total('available'));
  // Charges 2000 and 4000 with 2.9% + 30 fees (88 and 146), refunds 1500 and 2000.
  expect(amountOf(balance.pending) + amountOf(balance.available)).toBe(2000 - 88 + 4000 - 146 - 1500 - 2000);
  const types = new Set(transactions.map((t) => t.type));
  expect(types).toEqual(new Set(['charge', 'refund']));
});
