import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import Stripe from 'stripe';
import { fromPublicId } from '../lib/api/object-id';
import { createKeyInDashboard, keyName, openNewMerchantKeysPage, stripeFor } from './helpers/api';
import { inviteAndJoin } from './helpers/auth';

/**
 * Developers → Webhooks against the running app and worker: an endpoint
 * pointing at a receiver started here gets signed deliveries of a payment made
 * with the SDK; the endpoint page shows the attempts; Send test event, Resend
 * and Roll secret (with an overlap: both secrets sign) work end to end. And
 * the Payments page shows a new payment without a reload.
 */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  event: { id: string; type: string; data: { object: { id: string } } };
}

async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body, event: JSON.parse(body) as Received['event'] });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received };
}

const verifier = new Stripe('sk_test_unused');
const verifies = (r: Received, secret: string) => {
  try {
    verifier.webhooks.constructEvent(r.body, r.headers['stripe-signature'] as string, secret);
    return true;
  } catch {
    return false;
  }
};

function attemptsTable(page: Page) {
  return page.getByRole('table', { name: 'Delivery attempts' });
}

test('webhook endpoint: signed deliveries, attempts, test event, resend, roll secret', async ({ page }) => {
  test.setTimeout(150_000);
  page.on('dialog', (d) => void d.accept());
  const receiver = await startReceiver();
  try {
    await openNewMerchantKeysPage(page, 'Webhooks Co');
    const stripe = stripeFor(await createKeyInDashboard(page, { name: keyName('Webhooks') }));

    // Add the endpoint (test mode, a local receiver, every event).
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
    const add = page.getByRole('form', { name: 'Add endpoint' });
    await add.getByLabel('Endpoint URL').fill(receiver.url);
    await add.getByLabel(/Description/).fill('Order service');
    await add.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(receiver.url);
    await expect(page.getByText('Enabled', { exact: true })).toBeVisible();
    const endpointUrl = page.url();

    // The secret is hidden until revealed.
    await expect(page.getByText('The signing secret is hidden.')).toBeAttached();
    await page.getByRole('button', { name: 'Reveal' }).click();
    const secret = await page.getByLabel('Current signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);

    // A payment with the SDK: the worker relays its events and delivers them, signed.
    const pi = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await expect
      .poll(() => receiver.received.map((r) => r.event.type).sort(), { timeout: 30_000 })
      .toEqual(['charge.succeeded', 'payment_intent.created', 'payment_intent.succeeded']);
    for (const r of receiver.received) expect(verifies(r, secret)).toBe(true);
    const succeeded = receiver.received.find((r) => r.event.type === 'payment_intent.succeeded')!;
    expect(succeeded.event.data.object.id).toBe(pi.id);

    // The attempts appear on the endpoint page, with request and response.
    await expect
      .poll(
        async () => {
          await page.reload();
          return attemptsTable(page).getByRole('row').count();
        },
        { timeout: 20_000 },
      )
      .toBe(4);
    const row = attemptsTable(page).getByRole('row').filter({ hasText: 'payment_intent.succeeded' });
    await expect(row).toContainText('Succeeded');
    await expect(row).toContainText('200');
    await row.getByText('Request and response').click();
    await expect(row.getByLabel('Request body')).toContainText(pi.id);
    await expect(row.getByLabel('Response body')).toContainText('"received": true');

    // Send test event.
    await page.getByLabel('Event type').selectOption('charge.refunded');
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Test charge.refunded event' })).toBeVisible();
    await expect
      .poll(() => receiver.received.filter((r) => r.event.type === 'charge.refunded').length, {
        timeout: 20_000,
      })
      .toBe(1);
    expect(
      verifies(
        receiver.received.find((r) => r.event.type === 'charge.refunded')!,
        secret,
      ),
    ).toBe(true);

    // Resend the payment_intent.succeeded event: the same event id arrives again.
    await row.getByRole('button', { name: `Resend ${succeeded.event.id}` }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Resending ${succeeded.event.id}.` }),
    ).toBeVisible();
    await expect
      .poll(() => receiver.received.filter((r) => r.event.id === succeeded.event.id).length, {
        timeout: 20_000,
      })
      .toBe(2);

    // Roll the secret with a 1-hour overlap: both secrets sign the next delivery.
    await page.goto(endpointUrl);
    await page.getByText('Roll secret…').click();
    await page.getByLabel('Old secret stops signing').selectOption('1h');
    await page.getByRole('button', { name: 'Roll secret', exact: true }).click();
    const rolled = await page.getByLabel('New signing secret').inputValue();
    expect(rolled).toMatch(/^whsec_/);
    expect(rolled).not.toBe(secret);
    await page.getByLabel('Event type').selectOption('customer.created');
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect
      .poll(() => receiver.received.filter((r) => r.event.type === 'customer.created').length, {
        timeout: 20_000,
      })
      .toBe(1);
    const afterRoll = receiver.received.find((r) => r.event.type === 'customer.created')!;
    expect((afterRoll.headers['stripe-signature'] as string).match(/v1=/g)).toHaveLength(2);
    expect(verifies(afterRoll, rolled)).toBe(true);
    expect(verifies(afterRoll, secret)).toBe(true);

    // Developers → Events: the payment's event, its JSON and its deliveries.
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Events' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
    await page.getByLabel('Event type').fill('payment_intent.*');
    await page.getByRole('button', { name: 'Filter' }).click();
    const events = page.getByRole('table', { name: 'Events' });
    await expect(events.getByRole('row')).toHaveCount(3);
    await events.getByRole('link', { name: succeeded.event.id }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('payment_intent.succeeded');
    await expect(page.getByLabel('Event', { exact: true })).toContainText(pi.id);
    await expect(attemptsTable(page).getByRole('row')).toHaveCount(3);
  } finally {
    await new Promise((resolve) => receiver.server.close(resolve));
  }
});

test('the Payments page shows a new payment without a reload', async ({ page }) => {
  test.setTimeout(90_000);
  await openNewMerchantKeysPage(page, 'Live Updates Co');
  const stripe = stripeFor(await createKeyInDashboard(page, { name: keyName('Live') }));
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Payments' }).click();
  await expect(page.locator('[data-live-state="live"]')).toBeVisible({ timeout: 15_000 });
  // A marker that a full reload would wipe.
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  const started = Date.now();
  await stripe.paymentIntents.create({
    amount: 1234,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    confirm: true,
    description: 'Arrived live',
  });
  await expect(page.getByRole('table', { name: 'Payments' })).toContainText('Arrived live', {
    timeout: 20_000,
  });
  // From the API call to the row on screen: API, commit, relay, stream, SSE, refresh.
  console.log(`live update: payment on screen ${Date.now() - started} ms after the API call started`);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test('an analyst gets a 403 on Webhooks and Events, a replayed Reveal is refused; the disabled-endpoint banner', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await openNewMerchantKeysPage(page, 'Webhook Secrets Co');
  await page.goto('/dashboard/developers/webhooks');
  const add = page.getByRole('form', { name: 'Add endpoint' });
  await add.getByLabel('Endpoint URL').fill('http://127.0.0.1:9/hooks');
  await add.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('http://127.0.0.1:9/hooks');
  const endpointPath = new URL(page.url()).pathname;
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
    page.getByRole('button', { name: 'Reveal' }).click(),
  ]);
  await expect(page.getByLabel('Current signing secret')).toHaveValue(/^whsec_/);

  const { context, member: analyst } = await inviteAndJoin(page, browser, 'Analyst', 'hooks-analyst');
  try {
    await expect(
      analyst.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Webhooks' }),
    ).toHaveCount(0);
    for (const path of ['/dashboard/developers/webhooks', endpointPath, '/dashboard/developers/events']) {
      expect((await analyst.goto(path))?.status()).toBe(403);
    }

    // The owner's Reveal, replayed with the analyst's cookies and own CSRF token.
    await analyst.goto('/account/security');
    const analystCsrf = await analyst.locator('input[name="csrf_token"]').first().inputValue();
    await page.goto('/account/security');
    const ownerCsrf = await page.locator('input[name="csrf_token"]').first().inputValue();
    const body = request.postDataBuffer()!.toString('utf8').replaceAll(ownerCsrf, analystCsrf);
    expect(body).toContain(analystCsrf);
    const headers = request.headers();
    const answer = await context.request.post(request.url(), {
      headers: {
        'content-type': headers['content-type']!,
        'next-action': headers['next-action']!,
        accept: 'text/x-component',
        origin: new URL(request.url()).origin,
      },
      data: Buffer.from(body, 'utf8'),
    });
    const text = await answer.text();
    expect(text).toContain("You don't have permission to do that.");
    expect(text).not.toContain('whsec_');
  } finally {
    await context.close();
  }

  // The system disables the endpoint after 3 days of failures (done here in the
  // run's database, as the worker's hourly check would): every page of the
  // owner's dashboard shows the banner until the endpoint is enabled again.
  await disableAsFailing(endpointPath.split('/').pop()!);
  await page.goto('/dashboard');
  const banner = page.getByRole('alert').filter({ hasText: 'was disabled after 3 days of failures' });
  await expect(banner).toContainText('http://127.0.0.1:9/hooks');
  await banner.getByRole('link', { name: 'Review the endpoint' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('http://127.0.0.1:9/hooks');
  await expect(page.getByText('Disabled after 3 days of failures', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Enable endpoint' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Endpoint enabled.' })).toBeVisible();
  await page.goto('/dashboard');
  await expect(page.getByRole('alert').filter({ hasText: 'was disabled after' })).toHaveCount(0);
});

async function disableAsFailing(publicId: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = 'failing', disabled_at = now(),
         failing_since = now() - interval '3 days' WHERE id = $1`,
      [fromPublicId('we', publicId)],
    );
    expect(rowCount).toBe(1);
  } finally {
    await client.end();
  }
}
