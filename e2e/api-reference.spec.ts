import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers/auth';

/**
 * The OpenAPI document is public JSON at /v1/openapi.json (not the catch-all's
 * route_missing), and Developers → API reference renders the same document.
 */
test('GET /v1/openapi.json serves the OpenAPI 3.1 document without a key', async ({ request }) => {
  const response = await request.get('/v1/openapi.json');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(response.headers()['cache-control']).toContain('public');

  const doc = (await response.json()) as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.paths['/v1/customers']?.post?.operationId).toBe('customers.create');
  expect(doc.paths['/v1/customers']?.get?.operationId).toBe('customers.list');
  expect(Object.keys(doc.paths['/v1/customers/{customer}'] ?? {}).sort()).toEqual(['delete', 'get', 'post']);

  // Its neighbours are still the API's: an unknown /v1 path answers route_missing.
  const missing = await request.get('/v1/openapi.yaml');
  expect(missing.status()).toBe(404);
  expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('route_missing');
});

test('the demo owner reads the API reference from Developers', async ({ page }) => {
  await signIn(page, DEMO.owner.email, DEMO.owner.password);
  await page.goto('/dashboard');
  await page
    .getByRole('navigation', { name: 'Dashboard' })
    .getByRole('link', { name: 'API reference' })
    .click();
  await expect(page).toHaveURL(/\/dashboard\/developers\/reference$/);
  await expect(page.getByRole('heading', { name: 'API reference', level: 1 })).toBeVisible();

  const create = page.getByRole('article', { name: 'Create a customer' });
  await expect(create.getByRole('heading', { name: 'Create a customer' })).toBeVisible();
  await expect(create.getByText('POST /v1/customers', { exact: true })).toBeVisible();
  await expect(create.getByText('customers:write', { exact: true })).toBeVisible();
  const params = create.getByRole('table', { name: 'Create a customer: parameters' });
  await expect(params.getByRole('row').filter({ hasText: 'address[line1]' })).toContainText(
    'at most 200 characters',
  );
  await expect(create).toContainText('-u sk_test_…:');
  await expect(create).toContainText('stripe.customers.create(');

  await expect(page.getByRole('link', { name: '/v1/openapi.json' })).toHaveAttribute(
    'href',
    '/v1/openapi.json',
  );
});
