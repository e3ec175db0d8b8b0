import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  DEMO,
  inviteAndJoin,
  onboardMerchant,
  signIn,
  signUp,
  TEST_PASSWORD,
  uniqueEmail,
} from './helpers/auth';
import { DEMO_KEYS } from './helpers/api';

/**
 * Developers → Logs: requests made with the demo merchant's test secret key
 * (derived from the seed `npm start` loads) are listed, filtered and opened; the
 * `request_log_url` of an API error opens the request. Another merchant's owner
 * gets the ordinary 404 for it, and an analyst a 403 on the page.
 */
const PAGE = '/dashboard/developers/logs';
const DEMO_SECRET_KEY = DEMO_KEYS.secret;

interface ApiError {
  error: { type: string; message: string; request_id: string; request_log_url: string };
}

async function createCustomer(request: APIRequestContext, form: Record<string, string>) {
  return request.post('/v1/customers', { headers: { authorization: `Bearer ${DEMO_SECRET_KEY}` }, form });
}

/** A failed request of the demo merchant; returns the error. */
async function failedRequest(request: APIRequestContext): Promise<ApiError['error']> {
  const failed = await createCustomer(request, { email: 'broken@example.com', nickname: 'Bo' });
  expect(failed.status()).toBe(400);
  return ((await failed.json()) as ApiError).error;
}

test('the demo owner finds a failed API request in Developers → Logs and opens it', async ({
  page,
  request,
}) => {
  const ok = await createCustomer(request, { email: uniqueEmail('logged') });
  expect(ok.status()).toBe(200);
  const okId = ok.headers()['request-id']!;
  const error = await failedRequest(request);
  expect(error.request_log_url).toMatch(new RegExp(`${PAGE}/${error.request_id}$`));

  await signIn(page, DEMO.owner.email, DEMO.owner.password);
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Logs' }).click();
  await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'API requests' });
  // The log line is written just after the response: reload until it is there.
  await expect(async () => {
    await page.reload();
    await expect(table.getByRole('row').filter({ hasText: error.request_id })).toHaveCount(1);
  }).toPass({ timeout: 15_000 });
  await expect(table.getByRole('row').filter({ hasText: okId })).toContainText('200');

  // Only failed requests.
  const filters = page.getByRole('search', { name: 'Filter requests' });
  await filters.getByLabel('Status', { exact: true }).selectOption('failed');
  await filters.getByLabel('Path').fill('/v1/customers');
  await filters.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/status=failed/);
  const failedRow = table.getByRole('row').filter({ hasText: error.request_id });
  await expect(failedRow).toContainText('POST');
  await expect(failedRow).toContainText('400');
  await expect(failedRow).toContainText('/v1/customers');
  await expect(failedRow).toContainText(/sk_test_[0-9A-Za-z]{4}…/);
  await expect(table.getByRole('row').filter({ hasText: okId })).toHaveCount(0);

  await failedRow.getByRole('link', { name: error.request_id }).click();
  await page.waitForURL(`**${PAGE}/${error.request_id}`);
  await expect(page.getByRole('heading', { name: 'POST /v1/customers', level: 1 })).toBeVisible();
  await expect(page.getByText(error.request_id).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Error' })).toContainText(
    'Received unknown parameter: nickname',
  );
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('Test mode');
  await expect(page.getByLabel('Request body')).toContainText('"nickname": "Bo"');
  await expect(page.getByLabel('Response body')).toContainText('parameter_unknown');

  // The link from the error itself opens the same page; an unknown id is a 404.
  await page.goto(new URL(error.request_log_url).pathname);
  await expect(page.getByRole('region', { name: 'Error' })).toBeVisible();
  expect((await page.goto(`${PAGE}/req_doesnotexist000000000`))?.status()).toBe(404);
});

test('another merchant gets a 404 for the demo merchant’s request, and its analyst a 403 on Logs', async ({
  page,
  browser,
  request,
}) => {
  const error = await failedRequest(request);

  await signUp(page, { name: 'Otto Outsider', email: uniqueEmail('logs-owner'), password: TEST_PASSWORD });
  await onboardMerchant(page, { businessName: 'Outsider Goods' });
  expect((await page.goto(new URL(error.request_log_url).pathname))?.status()).toBe(404);
  await page.goto(PAGE);
  await expect(page.getByText('No test mode requests yet.')).toBeVisible();

  // An analyst of that merchant: no Developers section, and a 403 by URL.
  const { context: analystContext, member: analyst } = await inviteAndJoin(
    page,
    browser,
    'Analyst',
    'logs-analyst',
  );
  try {
    await expect(
      analyst.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Logs' }),
    ).toHaveCount(0);
    expect((await analyst.goto(PAGE))?.status()).toBe(403);
    expect((await analyst.goto(`${PAGE}/${error.request_id}`))?.status()).toBe(403);
  } finally {
    await analystContext.close();
  }
});
