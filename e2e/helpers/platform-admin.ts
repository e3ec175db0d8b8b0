import { expect, type Page } from '@playwright/test';
import pg from 'pg';
import { stepAt, totpCode } from '../../lib/auth/totp';

/**
 * Platform admins are made by operators, not by a page: there is no UI that
 * grants users.role = 'admin'. The spec signs up an ordinary account through
 * the UI and then promotes it in the run's own database (E2E_DATABASE_URL,
 * set by scripts/e2e.ts for this run only), exactly as an operator would.
 */
export async function promoteToPlatformAdmin(email: string): Promise<void> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run through `npm run test:e2e`.');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query(`UPDATE users SET role = 'admin' WHERE email = $1`, [email]);
    expect(rowCount, `no user ${email} to promote`).toBe(1);
  } finally {
    await client.end();
  }
}

/**
 * Turns on TOTP through /account/security, the way a person does it: the setup
 * key the page shows, a code computed from it here (RFC 6238, as an
 * authenticator app would), then the recovery codes acknowledged.
 * Returns the secret so later sign-ins can compute codes.
 */
export async function enrolTotp(page: Page): Promise<{ secret: string; lastStep: number }> {
  if (!new URL(page.url()).pathname.startsWith('/account/security')) await page.goto('/account/security');
  const twoFactor = page.getByRole('region', { name: 'Two-factor authentication' });
  await twoFactor.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const secret = (await twoFactor.getByLabel('Setup key').textContent())!.replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]+$/);
  const step = stepAt(Date.now());
  await twoFactor.getByLabel('Authentication code').fill(totpCode(secret, step));
  await twoFactor.getByRole('button', { name: 'Turn on two-factor' }).click();
  await expect(twoFactor.getByRole('list', { name: 'Recovery codes' })).toBeVisible();
  await twoFactor.getByRole('button', { name: 'I have saved them' }).click();
  await expect(twoFactor.getByText('On', { exact: true })).toBeVisible();
  return { secret, lastStep: step };
}
