import { randomBytes } from 'node:crypto';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_ADMIN, DEMO_MERCHANT, DEMO_OWNER, OTHER_OWNER_PASSWORD } from '../../lib/seed/demo';

/**
 * Shared browser steps for the account flows. Every spec runs against one
 * database per run, so tests make their own users with uniqueEmail() and never
 * change the seeded demo accounts' passwords or 2FA.
 */
export const DEMO = {
  owner: { ...DEMO_OWNER, businessName: DEMO_MERCHANT.businessName },
  admin: DEMO_ADMIN,
  /** Owners of the other generated merchants (owner@<shop>.example) share this password. */
  otherOwnerPassword: OTHER_OWNER_PASSWORD,
} as const;

/** A password that satisfies the policy (12+ characters, a letter and a digit). */
export const TEST_PASSWORD = 'correct-horse-battery-9';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@e2e.example`.toLowerCase();
}

export interface NewUser {
  name: string;
  email: string;
  password: string;
}

/** Creates an account through /sign-up; ends signed in, on /onboarding. */
export async function signUp(page: Page, user: NewUser): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/onboarding');
}

/**
 * Fills and submits the sign-in form (and the second-factor step when `code` is
 * given) without asserting the outcome: tests of failures use this.
 */
export async function submitSignIn(
  page: Page,
  email: string,
  password: string,
  code?: string,
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (code !== undefined) {
    const codeField = page.getByLabel('Authentication code');
    await expect(codeField).toBeVisible();
    await codeField.fill(code);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
  }
}

/** Signs in and waits until the browser has left /sign-in (dashboard, onboarding or callbackUrl). */
export async function signIn(page: Page, email: string, password: string, code?: string): Promise<void> {
  await submitSignIn(page, email, password, code);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Signs out through the dashboard's user menu; ends on /sign-in. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /account menu/i }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/sign-in');
}

export interface BusinessDetails {
  businessName: string;
  /** 000000000 verifies, 111111111 fails, 222222222 waits for review; anything else verifies. */
  taxId?: string;
  businessType?: string;
  currency?: string;
  email?: string;
  country?: string;
}

/**
 * Runs the onboarding wizard from /onboarding with valid details; ends on the
 * dashboard of the new merchant. Signed-in users without a merchant land there.
 */
export async function onboardMerchant(page: Page, business: BusinessDetails): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/onboarding')) await page.goto('/onboarding');
  await page.getByLabel('Business name').fill(business.businessName);
  await page.getByLabel('Legal name').fill(`${business.businessName} Ltd`);
  await page.getByLabel('Business type').selectOption(business.businessType ?? 'llc');
  await page.getByLabel('Tax ID').fill(business.taxId ?? '000000000');
  await page.getByLabel('Preferred currency').selectOption(business.currency ?? 'USD');
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByLabel('Business email').fill(business.email ?? uniqueEmail('business'));
  await page.getByLabel('Phone').fill('+14155550100');
  await page.getByLabel('Website').fill('https://shop.example');
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByLabel('Address line 1').fill('1 Main Street');
  await page.getByLabel('City').fill('Springfield');
  await page.getByLabel('State or region').fill('CA');
  await page.getByLabel('Postal code').fill('94105');
  await page.getByLabel('Country').selectOption(business.country ?? 'US');
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByRole('button', { name: 'Create business' }).click();
  await page.waitForURL('**/dashboard');
}

/**
 * From `page` (signed in as someone who may invite), invites a new person with
 * `role` and has them sign up and accept through the development mailbox in a
 * browser context of their own, ending on their dashboard. The caller closes
 * the returned context.
 */
export async function inviteAndJoin(
  page: Page,
  browser: Browser,
  role: string,
  emailPrefix: string,
): Promise<{ context: BrowserContext; member: Page; user: NewUser }> {
  await page.goto('/dashboard/settings/team');
  const invite = page.getByRole('region', { name: 'Invite a member' });
  const user = { name: `${role} Member`, email: uniqueEmail(emailPrefix), password: TEST_PASSWORD };
  await invite.getByLabel('Email address').fill(user.email);
  await invite.getByLabel('Role').selectOption({ label: role });
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByText(`Invitation sent to ${user.email}`)).toBeVisible();

  const context = await browser.newContext();
  const member = await context.newPage();
  await member.goto('/dev/mailbox');
  const mail = member.getByRole('article').filter({ hasText: user.email }).first();
  const link = await mail.getByRole('link', { name: /\/invite\// }).getAttribute('href');
  await signUp(member, user);
  await member.goto(link!);
  await member.getByRole('button', { name: 'Accept invitation' }).click();
  await member.waitForURL('**/dashboard');
  return { context, member, user };
}
