import { expect, test, type Page, type Request } from '@playwright/test';
import {
  DEMO,
  inviteAndJoin,
  onboardMerchant,
  signIn,
  signUp,
  TEST_PASSWORD,
  uniqueEmail,
} from './helpers/auth';

/**
 * Developers → API keys: an owner creates a secret key and sees it once, the
 * list shows only its prefix, the key is rolled and revoked; an analyst gets a
 * 403 by URL and a replayed create action is refused on the server; the demo
 * merchant has its seeded test keys.
 */
const DENIED = "You don't have permission to do that.";
const PAGE = '/dashboard/developers/api-keys';

async function createKey(
  page: Page,
  name: string,
  type = 'secret',
): Promise<{ key: string; request: Request }> {
  const form = page.getByRole('region', { name: /Create a test key/ });
  await form.getByLabel('Type').selectOption(type);
  await form.getByLabel('Name').fill(name);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
    form.getByRole('button', { name: 'Create test key' }).click(),
  ]);
  const reveal = page.getByRole('region', { name: 'New API key' });
  await expect(reveal).toContainText('You won’t see it again');
  const key = await reveal.getByLabel('New API key').inputValue();
  return { key, request };
}

test('an owner creates a key, sees it once, rolls it and revokes it', async ({ page }) => {
  await signUp(page, { name: 'Dana Developer', email: uniqueEmail('keys-owner'), password: TEST_PASSWORD });
  await onboardMerchant(page, { businessName: 'Keyhole Supply' });

  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();
  await expect(page.getByText('No test keys yet.')).toBeVisible();

  const { key } = await createKey(page, 'Checkout server');
  expect(key).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
  const table = page.getByRole('table', { name: 'API keys' });
  const row = table.getByRole('row').filter({ hasText: 'Checkout server' });
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await expect(row).toContainText('Secret');
  await expect(row).toContainText('Never');

  // Once: after a reload the key is nowhere on the page, only its prefix.
  await page.reload();
  await expect(table.getByRole('row').filter({ hasText: 'Checkout server' })).toContainText(key.slice(0, 12));
  expect(await page.content()).not.toContain(key.slice(12));

  // Roll: the old key keeps working for an hour; the new key is shown once.
  page.on('dialog', (dialog) => void dialog.accept());
  await row.getByText('Roll…').click();
  await row.getByLabel('Old key stops working').selectOption('1h');
  await row.getByRole('button', { name: /^Roll Checkout server/ }).click();
  const reveal = page.getByRole('region', { name: 'New API key' });
  await expect(reveal).toBeVisible();
  const rolled = await reveal.getByLabel('New API key').inputValue();
  expect(rolled).toMatch(/^sk_test_/);
  expect(rolled).not.toBe(key);
  await page.reload();
  const rows = table.getByRole('row').filter({ hasText: 'Checkout server' });
  await expect(rows).toHaveCount(2);
  const oldRow = rows.filter({ hasText: key.slice(0, 12) });
  const newRow = rows.filter({ hasText: rolled.slice(0, 12) });
  await expect(oldRow).toContainText('UTC'); // expires in an hour
  await expect(newRow.getByText('Active')).toBeVisible();

  // Revoke the new key.
  await newRow.getByRole('button', { name: /^Revoke Checkout server/ }).click();
  await expect(newRow.getByText('Revoked')).toBeVisible();
  await expect(newRow.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
});

test('an analyst gets a 403 on API keys, and a replayed create action is refused', async ({
  page,
  browser,
}) => {
  const owner = { name: 'Olive Owner', email: uniqueEmail('keys-owner2'), password: TEST_PASSWORD };
  await signUp(page, owner);
  await onboardMerchant(page, { businessName: 'Lockbox Goods' });
  await page.goto(PAGE);
  const { request } = await createKey(page, 'Original');

  // Invite an analyst and join through the development mailbox.
  const { context: analystContext, member: analyst } = await inviteAndJoin(
    page,
    browser,
    'Analyst',
    'keys-analyst',
  );
  try {
    // No Developers section in the nav, and a 403 by URL.
    await expect(
      analyst.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'API keys' }),
    ).toHaveCount(0);
    const response = await analyst.goto(PAGE);
    expect(response?.status()).toBe(403);

    // The owner's create call, replayed with the analyst's cookies and own CSRF token.
    await analyst.goto('/account/security');
    const analystCsrf = await analyst.locator('input[name="csrf_token"]').first().inputValue();
    await page.goto('/account/security');
    const ownerCsrf = await page.locator('input[name="csrf_token"]').first().inputValue();
    const body = request
      .postDataBuffer()!
      .toString('utf8')
      .replaceAll(ownerCsrf, analystCsrf)
      .replaceAll('Original', 'Forged');
    expect(body).toContain(analystCsrf);
    const headers = request.headers();
    const answer = await analystContext.request.post(request.url(), {
      headers: {
        'content-type': headers['content-type']!,
        'next-action': headers['next-action']!,
        accept: 'text/x-component',
        origin: new URL(request.url()).origin,
      },
      data: Buffer.from(body, 'utf8'),
    });
    const text = await answer.text();
    expect(text).toContain(DENIED);
    expect(text).not.toMatch(/sk_test_[0-9A-Za-z]{32}/);

    await page.goto(PAGE);
    const table = page.getByRole('table', { name: 'API keys' });
    await expect(table.getByRole('row').filter({ hasText: 'Original' })).toHaveCount(1);
    await expect(table.getByRole('row').filter({ hasText: 'Forged' })).toHaveCount(0);
  } finally {
    await analystContext.close();
  }
});

test('the demo merchant has its seeded test keys', async ({ page }) => {
  await signIn(page, DEMO.owner.email, DEMO.owner.password);
  await page.goto(PAGE);
  const table = page.getByRole('table', { name: 'API keys' });
  await expect(table.getByRole('row').filter({ hasText: 'Demo secret key' })).toContainText(
    /sk_test_[0-9A-Za-z]{4}…/,
  );
  await expect(table.getByRole('row').filter({ hasText: 'Demo publishable key' })).toContainText(
    /pk_test_[0-9A-Za-z]{4}…/,
  );
});
