import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, onboardMerchant, signIn, signUp, TEST_PASSWORD, uniqueEmail } from './helpers/auth';
import { enrolTotp, promoteToPlatformAdmin } from './helpers/platform-admin';

/**
 * The platform console (/admin): only platform admins with two-factor on get
 * in; they find a merchant, suspend it (its owner sees that on the dashboard),
 * reactivate it, and read both changes in the audit log.
 */

/** A merchant onboarded (and verified) by its owner, in the owner's own browser. */
async function newMerchantOwner(browser: Browser) {
  const businessName = `Harbor Coffee ${Date.now().toString(36)}`;
  const owner = { name: 'Olive Owner', email: uniqueEmail('owner'), password: TEST_PASSWORD };
  const context = await browser.newContext();
  const ownerPage = await context.newPage();
  await signUp(ownerPage, owner);
  await onboardMerchant(ownerPage, { businessName });
  await expect(ownerPage.getByText(businessName).first()).toBeVisible();
  return { businessName, owner, ownerPage, close: () => context.close() };
}

/** An ordinary account, promoted to platform admin, made to enrol TOTP before the console opens. */
async function newPlatformAdmin(page: Page) {
  const admin = { name: 'Omar Ops', email: uniqueEmail('ops'), password: TEST_PASSWORD };
  await signUp(page, admin);
  await promoteToPlatformAdmin(admin.email);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/account\/security\?required=two-factor$/);
  await enrolTotp(page);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/merchants$/);
  return admin;
}

test('a merchant user is answered 403 on every console page', async ({ page }) => {
  await signIn(page, DEMO.owner.email, DEMO.owner.password);
  for (const path of [
    '/admin',
    '/admin/merchants',
    '/admin/audit',
    '/admin/merchants/00000000-0000-4000-8000-000000000000',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
  }
});

test('signed out, the console sends you to sign in', async ({ page }) => {
  await page.goto('/admin/merchants');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a platform admin without two-factor is sent to turn it on', async ({ page }) => {
  const admin = { name: 'Nadia Ops', email: uniqueEmail('ops-no2fa'), password: TEST_PASSWORD };
  await signUp(page, admin);
  await promoteToPlatformAdmin(admin.email);
  for (const path of ['/admin', '/admin/audit']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/account\/security\?required=two-factor$/);
  }
});

test('an admin with two-factor finds a merchant, suspends and reactivates it, and reads it in the audit log', async ({
  page,
  browser,
}) => {
  const { businessName, owner, ownerPage, close } = await newMerchantOwner(browser);
  const admin = await newPlatformAdmin(page);
  await expect(page.getByRole('heading', { name: 'Merchants', level: 1 })).toBeVisible();
  await expect(page.getByText(admin.email)).toBeVisible();

  // Search by (part of) the business name.
  await page.getByLabel('Search').fill(businessName.split(' ').at(-1)!);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=/);
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('row')).toHaveCount(2); // header + the one merchant
  const row = results.getByRole('row', { name: new RegExp(businessName) });
  await expect(row.getByText('Active')).toBeVisible();
  await expect(row.getByText('Verified')).toBeVisible();
  await row.getByRole('link', { name: businessName }).click();
  await expect(page.getByRole('heading', { name: businessName, level: 1 })).toBeVisible();
  const merchantId = page.url().split('/').at(-1)!;
  await expect(page.getByRole('region', { name: 'Members (1)' }).getByText(owner.email)).toBeVisible();

  // Suspend: a reason is required; approve is not offered to an active merchant.
  const status = page.getByRole('region', { name: 'Account status' });
  await expect(status.getByRole('button', { name: 'Approve merchant' })).toHaveCount(0);
  await status.getByLabel('Reason for suspension').fill('Unusual dispute rate under review');
  await status.getByRole('button', { name: 'Suspend merchant' }).click();
  await expect(status.getByText(`${businessName} is now suspended.`)).toBeVisible();
  await expect(page.getByText('Suspended', { exact: true }).first()).toBeVisible();

  // The owner sees it on their dashboard home.
  await ownerPage.goto('/dashboard');
  const ownerStatus = ownerPage.getByRole('region', { name: 'Account status' });
  await expect(ownerStatus.getByText('Suspended', { exact: true })).toBeVisible();

  // Reactivate.
  await status.getByRole('button', { name: 'Reactivate merchant' }).click();
  await expect(status.getByText(`${businessName} is now active.`)).toBeVisible();
  await expect(status.getByRole('button', { name: 'Suspend merchant' })).toBeVisible();
  await ownerPage.reload();
  await expect(ownerStatus.getByText('Active', { exact: true })).toBeVisible();
  await expect(ownerStatus.getByText('Suspended', { exact: true })).toHaveCount(0);
  await close();

  // Both changes, newest first, in the audit log filtered to this merchant.
  await page
    .getByRole('navigation', { name: 'Platform console' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await page.getByLabel('Action').fill('merchant.status_changed');
  await page.getByLabel('Merchant id').fill(merchantId);
  await page.getByRole('button', { name: 'Filter' }).click();
  const events = page.getByRole('list', { name: 'Audit events, newest first' }).getByRole('listitem');
  await expect(events).toHaveCount(2);
  await expect(events.nth(0)).toContainText('suspended → active');
  await expect(events.nth(1)).toContainText('active → suspended — Unusual dispute rate under review');
  for (const i of [0, 1]) {
    await expect(events.nth(i)).toContainText(`by ${admin.email}`);
    await expect(events.nth(i)).toContainText(businessName);
    await expect(events.nth(i).getByText('success', { exact: true })).toBeVisible();
  }
  await events.nth(1).getByText('Details').click();
  await expect(events.nth(1).locator('pre')).toContainText('"reason": "Unusual dispute rate under review"');

  // Read-only: the viewer offers no way to change an entry.
  await expect(page.getByRole('main').getByRole('button', { name: /delete|edit|remove/i })).toHaveCount(0);

  // Signing out from the console ends the session.
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/sign-in');
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a merchant owner replaying the console's status action with their own session is refused", async ({
  page,
  browser,
}) => {
  const { businessName, owner, ownerPage, close } = await newMerchantOwner(browser);
  await newPlatformAdmin(page);
  await page.goto(`/admin/merchants?q=${encodeURIComponent(businessName)}`);
  await page.getByRole('link', { name: businessName }).click();
  const status = page.getByRole('region', { name: 'Account status' });

  // The admin's own attempt to close, with a wrong confirmation: refused, and
  // it gives us the exact request the browser sends to the server action.
  const marker = `not-the-name-${Date.now()}`;
  await status.getByLabel('Type the business name to close this merchant').fill(marker);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
    status.getByRole('button', { name: 'Close merchant permanently' }).click(),
  ]);
  await expect(status.getByText(/Type the business name exactly/).first()).toBeVisible();
  const adminToken = await page.locator('input[name="csrf_token"]').first().inputValue();

  // The owner sends it with their own session and CSRF token and the right name.
  await ownerPage.goto('/dashboard/settings/business');
  const ownerToken = await ownerPage.locator('input[name="csrf_token"]').first().inputValue();
  expect(ownerToken).not.toBe(adminToken);
  const body = request
    .postDataBuffer()!
    .toString('latin1')
    .replace(adminToken, ownerToken)
    .replace(marker, businessName);
  const response = await ownerPage.request.post(request.url(), {
    headers: {
      'content-type': request.headers()['content-type']!,
      'next-action': request.headers()['next-action']!,
      origin: new URL(request.url()).origin,
      accept: 'text/x-component',
    },
    data: Buffer.from(body, 'latin1'),
  });
  expect(await response.text()).toContain("You don't have permission to do that.");

  // Nothing changed: the merchant is still active for its owner and in the console.
  await ownerPage.goto('/dashboard');
  await expect(
    ownerPage.getByRole('region', { name: 'Account status' }).getByText('Active', { exact: true }),
  ).toBeVisible();
  await page.reload();
  await expect(status.getByRole('button', { name: 'Close merchant permanently' })).toBeVisible();
  await close();

  // The refusal is in the audit log, under the owner's name.
  await page.goto(`/admin/audit?action=permission.denied&actor=${encodeURIComponent(owner.email)}`);
  const events = page.getByRole('list', { name: 'Audit events, newest first' }).getByRole('listitem');
  await expect(events).toHaveCount(1);
  await expect(events.first()).toContainText(`by ${owner.email}`);
  await expect(events.first().getByText('denied', { exact: true })).toBeVisible();
  await events.first().getByText('Details').click();
  await expect(events.first().locator('pre')).toContainText('"permission": "platform:admin"');
});
