import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type Stripe from 'stripe';
import { createHash } from 'node:crypto';
import { BASE_URL, DEMO_KEYS, stripeFor } from './helpers/api';
import { DEMO, signIn } from './helpers/auth';
import {
  assertNoCardData,
  checkoutScriptSnapshot,
  fillCard,
  formAlert,
  payButton,
  readBuiltCheckoutScript,
  readInventory,
  trackCardLeaks,
  type CardLeakTracker,
} from './helpers/checkout';

/**
 * The hosted checkout page (/checkout/<cs_…>) in Debian's Chromium: sessions
 * made with the official `stripe` SDK as a merchant would, paid through the
 * page as a customer would, and checked back through the SDK. Plus its
 * accessibility (axe-core), phone width, keyboard-only use, escaping of
 * merchant strings, CSP and script inventory, and its timings.
 */
const stripe = stripeFor(DEMO_KEYS.secret);
const VISA = '4242424242424242';
const INSUFFICIENT_FUNDS = '4000000000009995';
const THREE_D_SECURE = '4000002500003155';

async function newSession(params: Partial<Stripe.Checkout.SessionCreateParams> = {}, amount = 2000) {
  return stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [
      {
        price_data: {
          currency: 'usd',
          unit_amount: amount,
          product_data: { name: 'Linen apron', description: 'Stone-washed, one size' },
        },
        quantity: 1,
      },
    ],
    success_url: `${BASE_URL}/?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${BASE_URL}/?canceled=1`,
    ...params,
  });
}

async function expectPaid(sessionId: string, amount: number) {
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  expect(session).toMatchObject({ status: 'complete', payment_status: 'paid' });
  const pi = await stripe.paymentIntents.retrieve(session.payment_intent as string);
  expect(pi).toMatchObject({ status: 'succeeded', amount, amount_received: amount });
  return pi;
}

/** Lands on success_url with the session id, as the merchant asked. */
async function expectSuccessUrl(page: Page, sessionId: string) {
  await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('session_id') === sessionId);
}

let leaks: CardLeakTracker;
test.beforeEach(({ page }) => {
  leaks = trackCardLeaks(page);
});
test.afterEach(async ({ page }) => {
  // Whatever a test did, no card number reached a URL, a request URL or browser storage.
  await assertNoCardData(page, leaks, [VISA, INSUFFICIENT_FUNDS, THREE_D_SECURE]);
});

test('pays with 4242: receipt, success_url with the session id, session complete and intent succeeded', async ({
  page,
}) => {
  const session = await newSession();
  expect(session.url).toBe(`${BASE_URL}/checkout/${session.id}`);
  await page.goto(session.url!);
  await expect(page.getByText('Test mode', { exact: true })).toBeVisible();
  await expect(page.getByText('Linen apron')).toBeVisible();
  await expect(page.getByTestId('checkout-total')).toHaveText('$20.00');

  await fillCard(page, { number: VISA });
  await expect(page.getByLabel('Card number')).toHaveValue('4242 4242 4242 4242');
  await expect(page.locator('#checkout-number-brand')).toHaveText('Visa');
  await payButton(page).click();

  await expect(page.getByRole('heading', { name: 'Thank you! You paid $20.00' })).toBeVisible();
  await expect(page.getByText('Visa •••• 4242')).toBeVisible();
  // The card inputs are gone from the DOM with the receipt.
  expect(await page.content()).not.toContain('4242 4242');
  await expectSuccessUrl(page, session.id);
  const pi = await expectPaid(session.id, 2000);
  expect(pi.payment_method).toBeTruthy();

  // Back button and refresh: the receipt again, never a second payment. (The fresh
  // receipt would send the browser on again after 2.5 s: hold that navigation.)
  await page.route(
    (url) => url.searchParams.get('session_id') === session.id,
    () => new Promise<void>(() => {}),
  );
  await page.goBack();
  await expect(page).toHaveURL(session.url!);
  await expect(page.getByText('Payment successful')).toBeVisible();
  await expect(payButton(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('Payment successful')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Return to merchant' })).toHaveAttribute(
    'href',
    `${BASE_URL}/?session_id=${session.id}`,
  );
  expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('succeeded');
});

test('a decline shows its message and clears the card; another card then succeeds', async ({ page }) => {
  const session = await newSession({}, 3100);
  await page.goto(session.url!);
  await fillCard(page, { number: INSUFFICIENT_FUNDS });
  await payButton(page).click();
  await expect(formAlert(page)).toContainText('Your card has insufficient funds.');
  await expect(page.getByLabel('Card number')).toHaveValue('');
  await expect(page.getByLabel('Card number')).toBeFocused();
  await expect(page.getByLabel('Security code')).toHaveValue('');
  await expect(page.getByLabel('Email')).toHaveValue('customer@example.com');

  await fillCard(page, { number: VISA, skipContact: true });
  await payButton(page).click();
  await expectSuccessUrl(page, session.id);
  await expectPaid(session.id, 3100);
});

test('validation as the customer types: errors beside the fields, announced, first invalid field focused', async ({
  page,
}) => {
  const session = await newSession();
  await page.goto(session.url!);
  const number = page.getByLabel('Card number');
  await number.fill('4242424242424241');
  await number.blur();
  await expect(page.locator('#checkout-number-error')).toHaveText('Your card number is invalid.');
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(number).toHaveAttribute('aria-describedby', /checkout-number-error/);
  await expect(page.getByRole('status')).toContainText('Card number: Your card number is invalid.');
  await number.fill('3782 8224 6310 005');
  await expect(number).toHaveValue('3782 822463 10005');
  await expect(page.locator('#checkout-number-brand')).toHaveText('American Express');
  await expect(page.locator('#checkout-number-error')).toHaveCount(0);

  await payButton(page).click();
  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page.locator('#checkout-email-error')).toHaveText('Enter your email address.');
  await expect(page.locator('#checkout-cvc-error')).toHaveText('Enter the security code (CVC).');
  await expect(page.getByRole('status')).toContainText('fields need attention');
  // Nothing was paid.
  expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
});

test('3-D Secure: the challenge passes and the payment completes', async ({ page }) => {
  const session = await newSession({}, 4400);
  await page.goto(session.url!);
  await fillCard(page, { number: THREE_D_SECURE });
  await payButton(page).click();
  await page.waitForURL(/\/authenticate\//);
  await page.getByRole('button', { name: /complete/i }).click();
  await expectSuccessUrl(page, session.id);
  await expectPaid(session.id, 4400);
});

test('3-D Secure: a failed challenge shows the failure and the form again; another card pays', async ({
  page,
}) => {
  const session = await newSession({}, 4500);
  await page.goto(session.url!);
  await fillCard(page, { number: THREE_D_SECURE });
  await payButton(page).click();
  await page.waitForURL(/\/authenticate\//);
  await page.getByRole('button', { name: /fail/i }).click();
  await page.waitForURL(session.url!);
  await expect(formAlert(page)).toContainText(/did not go through|not completed|authenticat/i);
  expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

  await fillCard(page, { number: VISA });
  await payButton(page).click();
  await expectSuccessUrl(page, session.id);
  await expectPaid(session.id, 4500);
});

test('a double-click on Pay, and two submits in one task, make one payment', async ({ page }) => {
  const amount = 5123;
  const session = await newSession({}, amount);
  await page.goto(session.url!);
  await fillCard(page, { number: VISA });
  await payButton(page).dblclick();
  await expectSuccessUrl(page, session.id);
  const pi = await expectPaid(session.id, amount);

  const second = await newSession({}, amount + 1);
  await page.goto(second.url!);
  await fillCard(page, { number: VISA });
  // Both submits in one task, before anything could re-render the disabled button.
  await page.locator('form[aria-labelledby="pay-heading"]').evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expectSuccessUrl(page, second.id);
  await expectPaid(second.id, amount + 1);

  const recent = await stripe.paymentIntents.list({ limit: 50 });
  expect(recent.data.filter((p) => p.amount === amount).map((p) => p.id)).toEqual([pi.id]);
  expect(recent.data.filter((p) => p.amount === amount + 1)).toHaveLength(1);
});

test('a second tab that submits after the first paid gets the receipt, not a second payment', async ({
  browser,
}) => {
  const amount = 6217;
  const session = await newSession({}, amount);
  const context = await browser.newContext();
  try {
    const first = await context.newPage();
    const second = await context.newPage();
    await first.goto(session.url!);
    await second.goto(session.url!);
    await fillCard(first, { number: VISA });
    await fillCard(second, { number: VISA });
    await payButton(first).click();
    await expectSuccessUrl(first, session.id);
    await payButton(second).click();
    await expect(second.getByText('Payment successful')).toBeVisible();
    await expect(second.getByLabel('Card number')).toHaveCount(0);
    await expectPaid(session.id, amount);
    const recent = await stripe.paymentIntents.list({ limit: 50 });
    expect(recent.data.filter((p) => p.amount === amount)).toHaveLength(1);
  } finally {
    await context.close();
  }
});

test('an expired session cannot be paid: the page says so and offers the cancel link', async ({ page }) => {
  const open = await newSession();
  await page.goto(open.url!);
  await fillCard(page, { number: VISA });
  // Expired while the customer was typing.
  await stripe.checkout.sessions.expire(open.id);
  await payButton(page).click();
  await expect(page.getByRole('heading', { name: 'This checkout session has expired' })).toBeVisible();
  await expect(page.getByLabel('Card number')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'This checkout session has expired' })).toBeVisible();
  await expect(payButton(page)).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Return to/ })).toHaveAttribute(
    'href',
    `${BASE_URL}/?canceled=1`,
  );
  const session = await stripe.checkout.sessions.retrieve(open.id);
  expect(session).toMatchObject({ status: 'expired', payment_status: 'unpaid' });
});

test('an unknown session is a plain 404', async ({ page }) => {
  const response = await page.goto('/checkout/cs_test_0000000000000000000000');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This checkout page does not exist' })).toBeVisible();
});

test('axe-core: no serious or critical violations on the form, its error state and the expired page', async ({
  page,
}) => {
  const session = await newSession();
  await page.goto(session.url!);
  await expect(payButton(page)).toBeEnabled();
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(await serious()).toEqual([]);
  await payButton(page).click();
  await expect(page.locator('#checkout-email-error')).toBeVisible();
  expect(await serious()).toEqual([]);

  const expired = await newSession();
  await stripe.checkout.sessions.expire(expired.id);
  await page.goto(expired.url!);
  expect(await serious()).toEqual([]);
});

test('axe-core: no serious or critical violations on the receipt', async ({ page }) => {
  const session = await newSession();
  // Hold the redirect to success_url until the receipt has been checked (the page stays until it answers).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.searchParams.get('session_id') === session.id,
    async (route) => {
      await held;
      await route.continue();
    },
  );
  await page.goto(session.url!);
  await fillCard(page, { number: VISA });
  await payButton(page).click();
  await expect(page.getByRole('heading', { name: 'Thank you! You paid $20.00' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Payment successful.');
  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  release();
  expect(violations.map((v) => v.id)).toEqual([]);
  await expectSuccessUrl(page, session.id);
});

test('phone width (375 px): no sideways scrolling, and paying works', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const tracker = trackCardLeaks(page);
  try {
    const session = await newSession();
    await page.goto(session.url!);
    await expect(payButton(page)).toBeEnabled();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await fillCard(page, { number: VISA });
    await payButton(page).tap();
    await expectSuccessUrl(page, session.id);
    await expectPaid(session.id, 2000);
    await assertNoCardData(page, tracker, [VISA]);
  } finally {
    await context.close();
  }
});

test('keyboard only: Tab through the fields, Enter pays', async ({ page }) => {
  const session = await newSession({ customer_email: 'kb@example.com' });
  await page.goto(session.url!);
  await expect(payButton(page)).toBeEnabled();
  const order: string[] = [];
  for (let i = 0; i < 12 && !order.includes('checkout-postalCode'); i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id ?? '');
    order.push(id);
    const type: Record<string, string> = {
      'checkout-number': VISA,
      'checkout-expiry': '1234',
      'checkout-cvc': '123',
      'checkout-name': 'Kim Keyboard',
      'checkout-postalCode': '94107',
    };
    if (type[id]) await page.keyboard.type(type[id]);
    if (id === 'checkout-country') await expect(page.getByLabel('Country or region')).toHaveValue('US');
  }
  expect(order.filter((id) => id.startsWith('checkout-'))).toEqual([
    'checkout-email',
    'checkout-number',
    'checkout-expiry',
    'checkout-cvc',
    'checkout-name',
    'checkout-country',
    'checkout-postalCode',
  ]);
  // The email was set by the merchant: shown read-only, still in the tab order.
  await expect(page.getByLabel('Email')).toHaveValue('kb@example.com');
  await page.keyboard.press('Enter');
  await expectSuccessUrl(page, session.id);
  await expectPaid(session.id, 2000);
});

test('merchant strings are text: script and onerror payloads in the product show as typed and never run', async ({
  page,
}) => {
  const name = '<script>window.__xss = "name"; alert("name")</script>';
  const description = '<img src=x onerror="window.__xss = \'description\'; alert(1)">';
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [
      { price_data: { currency: 'usd', unit_amount: 999, product_data: { name, description } }, quantity: 2 },
    ],
    success_url: `${BASE_URL}/?session_id={CHECKOUT_SESSION_ID}`,
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(session.url!);
  await expect(page.getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByText(description, { exact: true })).toBeVisible();
  await expect(page.getByText('Qty 2 × $9.99')).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(payButton(page)).toBeEnabled();
  expect(await page.evaluate(() => (window as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // Not even an attempt the CSP had to block: the payloads never became markup.
  expect(violations).toEqual([]);
});

test('CSP on /checkout/*: nonce scripts, no unsafe-inline, no framing', async ({ page }) => {
  const session = await newSession();
  const response = await page.goto(session.url!);
  const csp = response!.headers()['content-security-policy']!;
  const directives = Object.fromEntries(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
  expect(directives['script-src']).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'"]));
  expect(directives['script-src']!.some((v) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(v))).toBe(true);
  expect(directives['script-src']).not.toContain("'unsafe-inline'");
  expect(directives['script-src']).not.toContain("'unsafe-eval'");
  expect(directives['frame-ancestors']).toEqual(["'none'"]);
  expect(directives['img-src']).toContain('https:');
  expect(response!.headers()['x-frame-options']).toBe('DENY');
  // The checkout URL is not sent on to the merchant's site.
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'same-origin');
});

test('script inventory: only the scripts recorded in e2e/checkout-scripts.inventory.json', async ({
  page,
}) => {
  const session = await newSession();
  const snapshot = await checkoutScriptSnapshot(page, session.url!);
  const inventory = readInventory();
  const built = readBuiltCheckoutScript();
  // Update on purpose: see docs/checkout-page.md#script-inventory.
  expect(snapshot.origins).toEqual(inventory.origins);
  expect(snapshot.inlineCount).toBe(inventory.inlineScripts);
  expect(snapshot.inlineWithoutNonce).toEqual([]);
  // Exactly the recorded scripts, fetched and in the DOM: nothing else (no framework chunk).
  expect(snapshot.externalPaths).toHaveLength(inventory.scripts.length);
  expect(snapshot.external).toHaveLength(inventory.scripts.length);
  const [recorded] = inventory.scripts;
  const [script] = snapshot.external;
  expect(script!.path).toMatch(new RegExp(recorded!.pathPattern));
  expect(script!.path).toBe(built.src);
  expect(snapshot.externalPaths).toEqual([built.src]);
  // Pinned: this response's nonce, and Subresource Integrity matching the built file and what is served.
  expect(script!.nonceOk).toBe(true);
  expect(script!.crossOrigin).toBe('anonymous');
  expect(script!.integrity).toBe(built.integrity);
  expect(built.integrity).toBe(built.fileIntegrity);
  const served = await page.request.get(script!.path);
  expect(
    `sha384-${createHash('sha384')
      .update(await served.body())
      .digest('base64')}`,
  ).toBe(built.integrity);
  // Named by its content hash, so browsers may keep it (next.config.js).
  expect(served.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  // What went into it (stable names, unlike the hashed file name).
  expect(built.modules).toEqual(recorded!.modules);
  console.log(
    `checkout scripts: ${snapshot.external.map((s) => s.path).join(', ')}, ${snapshot.inlineCount} inline`,
  );
});

test('timings and JavaScript weight of the page (figures in docs/checkout-page.md)', async ({
  page,
}, testInfo) => {
  const session = await newSession();
  const start = Date.now();
  await page.goto(session.url!);
  await expect(payButton(page)).toBeEnabled();
  const payEnabledMs = Date.now() - start;
  const figures = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (r) => r.initiatorType === 'script' || r.name.endsWith('.js'),
    );
    return {
      domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
      loadMs: Math.round(nav.loadEventEnd),
      scriptCount: scripts.length,
      scriptBytesCompressed: scripts.reduce((sum, r) => sum + r.encodedBodySize, 0),
      scriptBytesDecoded: scripts.reduce((sum, r) => sum + r.decodedBodySize, 0),
    };
  });
  const result = { ...figures, payEnabledMs };
  await testInfo.attach('checkout-timings.json', {
    body: JSON.stringify(result, null, 2),
    contentType: 'application/json',
  });
  console.log(`checkout timings: ${JSON.stringify(result)}`);
  expect(figures.scriptBytesCompressed).toBeGreaterThan(0);
  // The target is 100 KB compressed; the page's one script is ~4 KB (docs/checkout-page.md#performance).
  // This ceiling catches growth well before the target.
  expect(figures.scriptCount).toBe(1);
  expect(figures.scriptBytesCompressed).toBeLessThan(20 * 1024);
  expect(payEnabledMs).toBeLessThan(10_000);
});

test('too many failed attempts: a readable message instead of another try', async ({ browser }) => {
  // Its own client address, so this test's failures count for nobody else (per-IP limit).
  const ip = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
  const page = await context.newPage();
  try {
    const session = await newSession();
    await page.goto(session.url!);
    let message = '';
    for (let i = 0; i < 8 && !message.includes('Too many'); i++) {
      await fillCard(page, { number: INSUFFICIENT_FUNDS, skipContact: i > 0 });
      await payButton(page).click();
      await expect(formAlert(page)).toContainText(/insufficient funds|Too many payment attempts/);
      message = (await formAlert(page).textContent()) ?? '';
    }
    expect(message).toMatch(
      /^Too many payment attempts\. Please wait (a second|a minute|\d+ seconds|\d+ minutes) and try again\.$/,
    );
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  } finally {
    await context.close();
  }
});

test('without JavaScript: the page renders, Pay stays disabled and nothing is sent', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const tracker = trackCardLeaks(page);
  try {
    const session = await newSession();
    await page.goto(session.url!);
    await expect(page.getByText('Linen apron')).toBeVisible();
    // (Its <noscript> note is not asserted: Chromium with script execution switched off by
    // DevTools, as here, still parses <noscript> as text.)
    await expect(payButton(page)).toBeDisabled();
    await page.getByLabel('Card number').fill(VISA);
    await page.getByLabel('Card number').press('Enter');
    await page.waitForLoadState('networkidle');
    expect(page.url()).toBe(session.url);
    await assertNoCardData(page, tracker, [VISA]);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  } finally {
    await context.close();
  }
});

test('product images: https only, with alt text and no referrer', async ({ page }) => {
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [
      {
        price_data: {
          currency: 'jpy',
          unit_amount: 1500,
          product_data: { name: 'Tenugui towel', images: ['https://images.example.test/tenugui.png'] },
        },
        quantity: 3,
      },
    ],
    success_url: `${BASE_URL}/?session_id={CHECKOUT_SESSION_ID}`,
  });
  await page.goto(session.url!);
  const image = page.getByRole('img', { name: 'Tenugui towel' });
  await expect(image).toHaveAttribute('src', 'https://images.example.test/tenugui.png');
  await expect(image).toHaveAttribute('referrerpolicy', 'no-referrer');
  // Zero-decimal currency: yen have no minor digits.
  await expect(page.getByTestId('checkout-total')).toHaveText('¥4,500');
  await expect(page.getByText('Qty 3 × ¥1,500')).toBeVisible();
});

test('branding from Settings → Business reaches the checkout: colour on Pay, logo in the header', async ({
  page,
}) => {
  await signIn(page, DEMO.owner.email, DEMO.owner.password);
  await page.goto('/dashboard/settings/business');
  const form = page.getByRole('form', { name: 'Branding' });
  await form.getByLabel('Brand colour').fill('blue');
  await form.getByRole('button', { name: 'Save branding' }).click();
  await expect(form.getByText('Enter a colour as # and six hex digits, e.g. #0a2540.')).toBeVisible();
  await form.getByLabel('Brand colour').fill('#FFD60A');
  await form.getByLabel('Logo URL').fill('https://cdn.example.test/acme-logo.png');
  await form.getByRole('button', { name: 'Save branding' }).click();
  await expect(form.getByText('Branding saved.', { exact: false })).toBeVisible();

  try {
    const session = await newSession();
    await page.goto(session.url!);
    // A light brand colour gets black text (contrast), set only as a style value.
    await expect(payButton(page)).toHaveCSS('background-color', 'rgb(255, 214, 10)');
    await expect(payButton(page)).toHaveCSS('color', 'rgb(0, 0, 0)');
    const logo = page.getByRole('banner').getByRole('img');
    await expect(logo).toHaveAttribute('src', 'https://cdn.example.test/acme-logo.png');
    await expect(logo).toHaveAttribute('referrerpolicy', 'no-referrer');
    await expect(logo).toHaveAttribute('alt', /logo$/);
  } finally {
    // The demo merchant is shared with the other tests: back to no branding.
    await page.goto('/dashboard/settings/business');
    await form.getByLabel('Brand colour').fill('');
    await form.getByLabel('Logo URL').fill('');
    await form.getByRole('button', { name: 'Save branding' }).click();
    await expect(form.getByText('Branding saved.', { exact: false })).toBeVisible();
  }
});
