import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createKeyInDashboard, keyName, openNewMerchantKeysPage, stripeFor } from './helpers/api';

/**
 * Dashboard → Payments and Customers for a new merchant: payments made with
 * the SDK appear in the list; the paid one is partly refunded (through the
 * confirmation), the uncaptured one captured and another canceled from their pages; Home shows
 * the balance; Customers shows the customer and the saved card.
 */
test('payments list, refund, capture, balance and customers', async ({ page }) => {
  test.setTimeout(90_000);
  await openNewMerchantKeysPage(page, 'Dashboard Payments Co');
  const stripe = stripeFor(await createKeyInDashboard(page, { name: keyName('Dashboard') }));

  const email = `buyer-${randomBytes(4).toString('hex')}@example.test`;
  const customer = await stripe.customers.create({ email, name: 'Jenny Rosen' });
  const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
  const paid = await stripe.paymentIntents.create({
    amount: 5000,
    currency: 'usd',
    customer: customer.id,
    payment_method: card.id,
    confirm: true,
    description: 'Order paid',
  });
  expect(paid.status).toBe('succeeded');
  const held = await stripe.paymentIntents.create({
    amount: 3000,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    capture_method: 'manual',
    confirm: true,
    description: 'Order held',
  });
  expect(held.status).toBe('requires_capture');

  // The list, newest first.
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Payments' }).click();
  const table = page.getByRole('table', { name: 'Payments' });
  await expect(table.getByRole('row')).toHaveCount(3);
  const paidRow = table.getByRole('row').filter({ hasText: 'Order paid' });
  await expect(paidRow).toContainText('Succeeded');
  await expect(paidRow).toContainText(email);
  await expect(paidRow).toContainText('Visa •••• 4242');
  await expect(table.getByRole('row').filter({ hasText: 'Order held' })).toContainText('Uncaptured');

  // Status filter.
  await page.getByLabel('Status').selectOption('requires_capture');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Order held');

  // Refund part of the paid one, through the confirmation.
  await page.goto(`/dashboard/payments/${paid.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('$50.00');
  const refund = page.getByRole('form', { name: 'Refund payment' });
  await expect(refund.getByLabel('Amount (USD)')).toHaveValue('50.00');
  await refund.getByLabel('Amount (USD)').fill('20.00');
  await refund.getByLabel('Reason').selectOption('requested_by_customer');
  await refund.getByRole('checkbox', { name: /I understand this refunds \$20\.00/ }).check();
  await refund.getByRole('button', { name: 'Refund $20.00' }).click();
  await expect(refund.getByRole('status')).toHaveText('Refunded $20.00.');
  await expect(page.getByTestId('amount-refunded')).toHaveText('$20.00');
  await expect(page.getByRole('table', { name: 'Refunds' })).toContainText('$20.00');
  await expect(refund.getByLabel('Amount (USD)')).toHaveValue('30.00');
  await expect(page.getByRole('list', { name: 'Events' })).toContainText('charge.refunded');
  // More than is left is refused with the domain's message.
  await refund.getByLabel('Amount (USD)').fill('40.00');
  await refund.getByRole('checkbox', { name: /I understand/ }).check();
  await refund.getByRole('button', { name: 'Refund $40.00' }).click();
  await expect(refund.getByRole('alert').first()).toContainText('greater than unrefunded amount');

  // Capture the held one.
  await page.goto(`/dashboard/payments/${held.id}`);
  const capture = page.getByRole('form', { name: 'Capture payment' });
  await expect(capture.getByLabel('Amount to capture (USD)')).toHaveValue('30.00');
  await capture.getByRole('button', { name: 'Capture' }).click();
  // Once captured the page re-renders without the form (nothing is left to capture) and says so.
  await expect(page.getByRole('status').filter({ hasText: 'Captured' })).toHaveText('Captured $30.00.');
  await expect(page).toHaveURL(new RegExp(`/dashboard/payments/${held.id}\\?done=captured$`));
  await expect(page.getByTestId('amount-captured')).toHaveText('$30.00');
  await expect(page.getByTestId('amount-capturable')).toHaveText('$0.00');
  await expect(capture).toHaveCount(0);
  expect((await stripe.paymentIntents.retrieve(held.id)).status).toBe('succeeded');

  // Cancel another hold, after the browser's confirmation.
  const toCancel = await stripe.paymentIntents.create({
    amount: 1200,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    capture_method: 'manual',
    confirm: true,
  });
  await page.goto(`/dashboard/payments/${toCancel.id}`);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('form', { name: 'Cancel payment' }).getByRole('button', { name: 'Cancel payment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'canceled' })).toHaveText(
    'Payment canceled. Any hold on the card is released.',
  );
  await expect(page.getByRole('form', { name: 'Cancel payment' })).toHaveCount(0);
  expect((await stripe.paymentIntents.retrieve(toCancel.id)).status).toBe('canceled');

  // Another merchant's id, or nonsense, is not found.
  const missing = await page.goto('/dashboard/payments/pi_0000000000000000000000');
  expect(missing?.status()).toBe(404);

  // Home: the balance of this mode (the 404 page above has no dashboard nav).
  await page.goto('/dashboard');
  const balance = page.getByRole('region', { name: 'Balance' });
  await expect(balance).toContainText('Available (USD)');
  await expect(balance).toContainText('Pending (USD)');
  await expect(balance.getByText(/^\$\d/).first()).toBeVisible();

  // Customers: the customer and its saved card.
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: email }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jenny Rosen');
  await expect(page.getByRole('table', { name: 'Saved cards' })).toContainText('Visa •••• 4242');
  await expect(page.getByRole('table', { name: 'Payments' })).toContainText('Order paid');
});
