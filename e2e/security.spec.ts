import { expect, test, type Page } from '@playwright/test';
import { stepAt, totpCode } from '../lib/auth/totp';
import { DEMO, signIn, signUp, TEST_PASSWORD, uniqueEmail } from './helpers/auth';

/**
 * Account security: TOTP enrolment with a code computed here from the secret
 * the page shows (RFC 6238, the same function the server uses), signing in
 * with a second factor, and ending other sessions so that browser is signed
 * out on its next request.
 */

async function newAccount(page: Page, label: string) {
  const user = { name: `Sam ${label}`, email: uniqueEmail(label), password: TEST_PASSWORD };
  await signUp(page, user);
  return user;
}

/** The sign-out button of the account pages' header. */
async function signOutFromAccount(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/sign-in');
}

test('TOTP enrolment, recovery codes shown once, then signing in with a generated code', async ({ page }) => {
  const user = await newAccount(page, 'totp');
  await page.goto('/account/security');
  const twoFactor = page.getByRole('region', { name: 'Two-factor authentication' });
  await expect(twoFactor.getByText('Off', { exact: true })).toBeVisible();

  await twoFactor.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(twoFactor.getByRole('img', { name: /QR code/ })).toHaveAttribute('src', /^data:image\/png;base64,/);
  const secret = (await twoFactor.getByLabel('Setup key').textContent())!.replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // A wrong code first: refused next to the field.
  const confirmStep = stepAt(Date.now());
  const wrong = totpCode(secret, confirmStep) === '000000' ? '111111' : '000000';
  await twoFactor.getByLabel('Authentication code').fill(wrong);
  await twoFactor.getByRole('button', { name: 'Turn on two-factor' }).click();
  await expect(twoFactor.getByText(/That code is not valid/)).toBeVisible();

  await twoFactor.getByLabel('Authentication code').fill(totpCode(secret, confirmStep));
  await twoFactor.getByRole('button', { name: 'Turn on two-factor' }).click();
  const codes = twoFactor.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await expect(codes.first()).toHaveText(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  await twoFactor.getByRole('button', { name: 'I have saved them' }).click();
  await expect(twoFactor.getByText('On', { exact: true })).toBeVisible();
  await expect(twoFactor.getByText('10 of 10')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recovery codes' })).toHaveCount(0);

  // A new sign-in needs a code. The confirming code's step is spent (never
  // accepted twice), so use the next step: within the one step of drift the
  // server allows, exactly as a phone whose clock runs a little fast.
  await signOutFromAccount(page);
  await signIn(page, user.email, user.password, totpCode(secret, Math.max(stepAt(Date.now()), confirmStep + 1)));
  await page.goto('/account/security');
  await expect(page.getByRole('region', { name: 'Two-factor authentication' }).getByText('On', { exact: true })).toBeVisible();
});

test('revoking another session signs that browser out on its next navigation', async ({ page, browser }) => {
  const user = await newAccount(page, 'sessions');
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, user.email, user.password);
    await otherPage.goto('/account/security');
    await expect(otherPage.getByRole('heading', { name: 'Account security' })).toBeVisible();

    await page.goto('/account/security');
    const sessions = page.getByRole('region', { name: 'Active sessions' });
    const rows = sessions.getByRole('row');
    await expect(rows).toHaveCount(3); // header + two sessions
    await expect(sessions.getByText('This device')).toHaveCount(1);
    await sessions.getByRole('button', { name: /^Revoke session/ }).click();
    await expect(sessions.getByText('That session was signed out.')).toBeVisible();
    await expect(rows).toHaveCount(2);

    await otherPage.goto('/account/security');
    await expect(otherPage).toHaveURL(/\/sign-in/);
    // This browser is still signed in.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Account security' })).toBeVisible();
  } finally {
    await other.close();
  }
});

test('changing the password keeps this browser and signs the other one out', async ({ page, browser }) => {
  const user = await newAccount(page, 'password');
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, user.email, user.password);

    await page.goto('/account/security');
    const password = page.getByRole('region', { name: 'Password' });
    await password.getByLabel('Current password').fill(user.password);
    await password.getByLabel('New password', { exact: true }).fill(user.password);
    await password.getByLabel('Confirm new password').fill(user.password);
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect(password.getByText(/not one of your last 4/)).toBeVisible();

    const next = 'a-different-pass-2026';
    await password.getByLabel('Current password').fill(user.password);
    await password.getByLabel('New password', { exact: true }).fill(next);
    await password.getByLabel('Confirm new password').fill(next);
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect(password.getByText('Your password was changed. 1 other session was signed out.')).toBeVisible();

    await otherPage.goto('/account/security');
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Account security' })).toBeVisible();
  } finally {
    await other.close();
  }
});

test('a platform administrator without two-factor is told it is required', async ({ page }) => {
  await signIn(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto('/account/security?required=two-factor');
  await expect(page.getByRole('alert').filter({ hasText: 'Two-factor authentication is required' })).toContainText(
    'Platform administrators must turn on two-factor authentication',
  );
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Back to the admin console' })).toBeVisible();
});
