import { expect, test, type Page, type Response } from '@playwright/test';
import { SIGN_IN_ERRORS } from '../lib/auth/errors';
import {
  onboardMerchant,
  signIn,
  signOut,
  signUp,
  submitSignIn,
  TEST_PASSWORD,
  uniqueEmail,
} from './helpers/auth';

/**
 * Accounts: sign-up, onboarding, verification, the dashboard shell, sign-in and
 * lockout, the test/live switch and its CSRF guard, and the security headers
 * and CSP of every page on the way.
 */

/** Records CSP violations and every document response's headers while the test runs. */
function watch(page: Page) {
  const cspViolations: string[] = [];
  const documents: Response[] = [];
  page.on('console', (msg) => {
    if (/content security policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document') documents.push(response);
  });
  return { cspViolations, documents };
}

function expectSecurityHeaders(response: Response) {
  const h = response.headers();
  const where = `${response.status()} ${response.url()}`;
  expect(h['content-security-policy'], where).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
  expect(h['content-security-policy'], where).toContain("frame-ancestors 'none'");
  expect(h['x-frame-options'], where).toBe('DENY');
  expect(h['x-content-type-options'], where).toBe('nosniff');
  expect(h['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
}

async function csrfToken(page: Page): Promise<string> {
  await page.goto('/dashboard/settings/business');
  return page.locator('input[name="csrf_token"]').first().inputValue();
}

test('sign up, onboard (with a validation error), a verified dashboard; sign out and back in', async ({
  page,
}) => {
  const { cspViolations, documents } = watch(page);
  const user = { name: 'Jordan Lee', email: uniqueEmail('owner'), password: TEST_PASSWORD };

  await signUp(page, user);
  await expect(page.getByRole('heading', { name: 'Set up your business' })).toBeVisible();

  // Step 1, with the legal name missing: the server says so next to the field and keeps the rest.
  await page.getByLabel('Business name').fill('Lee Ceramics');
  await page.getByLabel('Business type').selectOption('sole_proprietorship');
  await page.getByLabel('Tax ID').fill('000000000');
  await page.getByLabel('Preferred currency').selectOption('EUR');
  await page.getByRole('button', { name: 'Continue' }).click();
  const legalName = page.getByLabel('Legal name');
  await expect(page.getByText('Enter the legal name.')).toBeVisible();
  await expect(legalName).toHaveAttribute('aria-invalid', 'true');
  await expect(legalName).toHaveAttribute('aria-describedby', /error/);
  await expect(page.getByLabel('Business name')).toHaveValue('Lee Ceramics');
  await expect(page.getByLabel('Preferred currency')).toHaveValue('EUR');
  await legalName.fill('Jordan Lee');
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByLabel('Business email').fill(uniqueEmail('lee-ceramics'));
  await page.getByLabel('Phone').fill('+44 20 7946 0000');
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByLabel('Address line 1').fill('12 Potters Lane');
  await page.getByLabel('City').fill('Stoke-on-Trent');
  await page.getByLabel('Postal code').fill('ST1 1AA');
  await page.getByLabel('Country').selectOption('GB');
  await page.getByRole('button', { name: 'Continue' }).click();

  // Back keeps what was entered.
  await expect(page.getByRole('heading', { name: 'Review and create' })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('City')).toHaveValue('Stoke-on-Trent');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Lee Ceramics').first()).toBeVisible();
  await expect(page.getByText('United Kingdom')).toBeVisible();
  await page.getByRole('button', { name: 'Create business' }).click();

  await page.waitForURL('**/dashboard');
  await expect(page.getByRole('heading', { name: 'Hello, Jordan' })).toBeVisible();
  await expect(page.getByRole('main').getByText('Lee Ceramics')).toBeVisible();
  await expect(page.getByText('Verified', { exact: true })).toBeVisible();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Test mode notice' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link')).toHaveText([
    'Home',
    'Payments',
    'Customers',
    'Developers',
    'API keys',
    'Webhooks',
    'Events',
    'Logs',
    'API reference',
    'Settings',
    'Business',
    'Team',
    'Security',
  ]);

  await page.getByRole('link', { name: 'Business', exact: true }).click();
  await expect(page.getByLabel('Legal name')).toHaveValue('Jordan Lee');
  await page.goto('/dashboard/settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

  // Signed in, /sign-in sends you to the dashboard.
  await page.goto('/sign-in');
  await page.waitForURL('**/dashboard');

  await signOut(page);
  await page.goto('/dashboard');
  await page.waitForURL('**/sign-in**');
  await page.goto('/unavailable');
  await expect(page.getByRole('heading', { name: 'Sign-in is temporarily unavailable' })).toBeVisible();

  await signIn(page, user.email, user.password);
  await page.waitForURL('**/dashboard');
  await expect(page.getByRole('main').getByText('Lee Ceramics')).toBeVisible();

  expect(documents.length).toBeGreaterThan(8);
  for (const response of documents) expectSecurityHeaders(response);
  expect(cspViolations).toEqual([]);
});

test('ten wrong passwords lock the account; the answer is the one an unknown email gets', async ({
  page,
}) => {
  const { cspViolations } = watch(page);
  const user = { name: 'Casey Fox', email: uniqueEmail('locked'), password: TEST_PASSWORD };
  await signUp(page, user);
  await signOut(page);

  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  await submitSignIn(page, uniqueEmail('nobody'), TEST_PASSWORD);
  await expect(alert).toHaveText(SIGN_IN_ERRORS.invalid_credentials);
  const unknownEmailMessage = await alert.innerText();

  for (let attempt = 1; attempt <= 10; attempt++) {
    await submitSignIn(page, user.email, `wrong-password-${attempt}`);
    await expect(alert).toHaveText(unknownEmailMessage);
  }
  // Locked: the right password is refused too, in the same words.
  await submitSignIn(page, user.email, user.password);
  await expect(alert).toHaveText(unknownEmailMessage);
  await expect(page).toHaveURL(/\/sign-in/);
  expect(cspViolations).toEqual([]);
});

test('a failed verification is shown and blocks live mode until the details are corrected', async ({
  page,
}) => {
  const { cspViolations } = watch(page);
  await signUp(page, { name: 'Robin Park', email: uniqueEmail('failing'), password: TEST_PASSWORD });
  await onboardMerchant(page, { businessName: 'Park Bikes', taxId: '111111111' });

  await expect(page.getByText('Verification failed: The tax ID could not be verified.')).toBeVisible();
  await expect(page.getByText('Pending', { exact: true })).toBeVisible();

  // The switch asks the server, which refuses live mode for an unverified merchant.
  const modeSwitch = page.getByRole('switch', { name: 'Test mode' });
  await expect(modeSwitch).toHaveAttribute('aria-checked', 'true');
  await modeSwitch.click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'Live mode is available once your business is active and verified' }),
  ).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Test mode notice' })).toBeVisible();

  const token = await csrfToken(page);
  const refused = await page.request.post('/api/dashboard/mode', {
    data: { mode: 'live' },
    headers: { 'x-csrf-token': token },
  });
  expect(refused.status()).toBe(400);
  const noCsrf = await page.request.post('/api/dashboard/mode', { data: { mode: 'test' } });
  expect(noCsrf.status()).toBe(403);
  expect(((await noCsrf.json()) as { error: { message: string } }).error.message).toMatch(/reload/i);

  // Correcting the tax ID in Settings → Business runs verification again; the
  // page and the shell show the new state at once (the merchant cache was dropped).
  await expect(page.getByText('Verification failed', { exact: true })).toBeVisible();
  await page.getByLabel('Business name').fill('Park Bikes & Co');
  await page.getByLabel('Tax ID').fill('000000000');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your business is verified.' })).toBeVisible();
  await expect(page.getByText('Verified', { exact: true })).toBeVisible();
  await expect(page.getByRole('banner').getByText('Park Bikes & Co')).toBeVisible();

  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByText('Verified', { exact: true })).toBeVisible();
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByRole('switch', { name: 'Test mode' })).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByRole('complementary', { name: 'Test mode notice' })).toHaveCount(0);
  await expect(page.getByText('Live mode', { exact: true })).toBeVisible();
  expect(cspViolations).toEqual([]);
});

test('a merchant under manual review, and switching between two businesses', async ({ page }) => {
  await signUp(page, { name: 'Sam Ortiz', email: uniqueEmail('two-shops'), password: TEST_PASSWORD });
  await onboardMerchant(page, { businessName: 'Ortiz Coffee', taxId: '000000000' });
  await expect(page.getByText('Verified', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: /switch business/i }).click();
  await page.getByRole('link', { name: '+ Add a business' }).click();
  await expect(page.getByRole('heading', { name: 'Add a business' })).toBeVisible();
  await onboardMerchant(page, {
    businessName: 'Ortiz Roasters',
    taxId: '222222222',
    currency: 'JPY',
    country: 'JP',
  });
  await expect(page.getByRole('main').getByText('Ortiz Roasters')).toBeVisible();
  await expect(page.getByText('Under review', { exact: true })).toBeVisible();
  await expect(page.getByText(/being reviewed by our team/)).toBeVisible();

  await page.getByRole('button', { name: /switch business/i }).click();
  await page.getByRole('button', { name: /Ortiz Coffee/ }).click();
  await expect(page.getByRole('main').getByText('Ortiz Coffee')).toBeVisible();
  await expect(page.getByText('Verified', { exact: true })).toBeVisible();
});
