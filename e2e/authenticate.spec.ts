import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { BASE_URL, DEMO_KEYS, stripeFor } from './helpers/api';

/**
 * The sandbox 3-D Secure challenge page for API PaymentIntents
 * (next_action.redirect_to_url.url): complete and fail it in the browser, and
 * land on return_url with Stripe's parameters. The demo merchant's seeded key.
 */
const stripe = stripeFor(DEMO_KEYS.secret);
const RETURN_URL = `${BASE_URL}/?from=3ds`;

async function challenged(amount: number) {
  const pi = await stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    payment_method: 'pm_card_authenticationRequired',
    confirm: true,
    return_url: RETURN_URL,
  });
  expect(pi.status).toBe('requires_action');
  return { pi, url: pi.next_action!.redirect_to_url!.url! };
}

test('complete authentication with the keyboard: the payment succeeds and the browser returns to return_url', async ({
  page,
}) => {
  const { pi, url } = await challenged(4321);
  expect(url.startsWith(`${BASE_URL}/authenticate/${pi.id}?token=`)).toBe(true);
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your payment' })).toBeVisible();
  await expect(page.getByText('$43.21')).toBeVisible();
  await expect(page.getByText('Visa ending in 3155', { exact: false })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // Keyboard only: the first button is the first focusable control.
  const complete = page.getByRole('button', { name: 'Complete authentication' });
  await complete.focus();
  await expect(complete).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('redirect_status') !== null);
  const back = new URL(page.url());
  expect(back.searchParams.get('from')).toBe('3ds');
  expect(back.searchParams.get('payment_intent')).toBe(pi.id);
  expect(back.searchParams.get('payment_intent_client_secret')).toBe(pi.client_secret);
  expect(back.searchParams.get('redirect_status')).toBe('succeeded');
  expect(await stripe.paymentIntents.retrieve(pi.id)).toMatchObject({ status: 'succeeded', amount_received: 4321 });

  // Coming back to the challenge (back button) shows the result and changes nothing.
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Authentication complete' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Complete authentication' })).toHaveCount(0);
});

test('fail authentication: the intent asks for another payment method', async ({ page }) => {
  const { pi, url } = await challenged(1500);
  await page.goto(url);
  await page.getByRole('button', { name: 'Fail authentication' }).click();
  await page.waitForURL((u) => u.searchParams.get('redirect_status') !== null);
  expect(new URL(page.url()).searchParams.get('redirect_status')).toBe('failed');
  const after = await stripe.paymentIntents.retrieve(pi.id);
  expect(after.status).toBe('requires_payment_method');
  expect(after.last_payment_error?.code).toBe('payment_intent_authentication_failure');
});

test('a tampered token is a 404', async ({ page }) => {
  const { pi, url } = await challenged(900);
  const response = await page.goto(`${url.slice(0, -3)}abc`);
  expect(response?.status()).toBe(404);
  expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('requires_action');
});
