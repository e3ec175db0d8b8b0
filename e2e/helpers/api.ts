import { randomBytes } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import Stripe from 'stripe';
import Redis from 'ioredis';
import type { AccessLevel, Resource } from '../../lib/api-keys/permissions';
import { demoApiKeys } from '../../lib/seed/api-keys';
import { SEED_DEFAULTS } from '../../lib/seed/plan';
import { DEMO, onboardMerchant, signIn, signUp, TEST_PASSWORD, uniqueEmail } from './auth';

/**
 * Shared steps of the /v1 specs (e2e/api-*.spec.ts): the official `stripe`
 * SDK pointed at the running app, raw fetch for what the SDK hides (headers,
 * exact bytes, malformed requests), API keys made through Developers → API
 * keys, and the demo merchant's seeded test keys.
 */
export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export const KEYS_PAGE = '/dashboard/developers/api-keys';

/** An SDK client for `key` against the app; no retries unless asked, so every error surfaces. */
export function stripeFor(
  key: string,
  options: { maxNetworkRetries?: number; stripeAccount?: string } = {},
): Stripe {
  return new Stripe(key, {
    host: '127.0.0.1',
    port: PORT,
    protocol: 'http',
    telemetry: false,
    maxNetworkRetries: options.maxNetworkRetries ?? 0,
    ...(options.stripeAccount ? { stripeAccount: options.stripeAccount } : {}),
  });
}

/** The demo merchant's test keys, as `npm start` seeds them (default seed). */
const demoKeys = demoApiKeys(SEED_DEFAULTS.seed);
export const DEMO_KEYS = {
  secret: demoKeys.find((k) => k.type === 'secret')!.key,
  publishable: demoKeys.find((k) => k.type === 'publishable')!.key,
};

export type FormParams = Record<string, string>;

/** A /v1 call without the SDK: form-encoded body for POST, query string otherwise. */
export async function rawRequest(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: { key?: string; params?: FormParams; headers?: Record<string, string> } = {},
): Promise<Response> {
  const params = new URLSearchParams(options.params ?? {});
  const url = method === 'POST' || params.size === 0 ? `${BASE_URL}${path}` : `${BASE_URL}${path}?${params}`;
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
  return fetch(url, { method, headers, body: method === 'POST' ? params.toString() : undefined });
}

export interface StripeErrorJson {
  error: { type: string; message: string; code?: string; param?: string; request_id?: string };
}

/** Whatever the SDK threw, as a StripeError (anything else fails the test). */
export async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(Stripe.errors.StripeError);
    return err as Stripe.errors.StripeError;
  }
  throw new Error('expected the call to fail');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- Dashboard steps ----------------------------------------------------------

/** Signs in as the demo owner (Acme Outfitters, active and verified) and opens API keys. */
export async function openDemoKeysPage(page: Page): Promise<void> {
  await signIn(page, DEMO.owner.email, DEMO.owner.password);
  await page.goto(KEYS_PAGE);
}

/** A new owner with a new, verified business; ends on API keys in test mode. */
export async function openNewMerchantKeysPage(page: Page, businessName: string): Promise<void> {
  await signUp(page, { name: 'Api Tester', email: uniqueEmail('api-owner'), password: TEST_PASSWORD });
  await onboardMerchant(page, { businessName, taxId: '000000000' });
  await page.goto(KEYS_PAGE);
}

/** Flips the dashboard's test/live switch (kept in the session) and reloads API keys. */
export async function switchMode(page: Page, mode: 'test' | 'live'): Promise<void> {
  const toggle = page.getByRole('switch', { name: 'Test mode' });
  if ((await toggle.getAttribute('aria-checked')) !== String(mode === 'test')) {
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', String(mode === 'test'));
  }
  await page.goto(KEYS_PAGE);
  await expect(page.getByRole('region', { name: `Create a ${mode} key` })).toBeVisible();
}

/**
 * A key name unique to this call: a failed test restarts the worker and runs
 * beforeAll again against the same database, where the old names are taken.
 */
export function keyName(base: string): string {
  return `${base} ${randomBytes(3).toString('hex')}`;
}

export interface KeyRequest {
  name: string;
  type?: 'secret' | 'restricted' | 'publishable';
  /** Restricted keys: the levels to grant; every other resource stays None. */
  permissions?: Partial<Record<Resource, AccessLevel>>;
}

const LEVEL_LABELS: Record<AccessLevel, string> = { none: 'None', read: 'Read', write: 'Write' };
const RESOURCE_LABELS: Partial<Record<Resource, string>> = { customers: 'Customers' };

/**
 * Creates a key in the dashboard's current mode through the Create form and
 * returns it from the once-only reveal. `name` must be unique on the page.
 */
export async function createKeyInDashboard(page: Page, request: KeyRequest): Promise<string> {
  const form = page.getByRole('region', { name: /^Create a (test|live) key/ });
  await form.getByLabel('Type').selectOption(request.type ?? 'secret');
  await form.getByLabel('Name').fill(request.name);
  for (const [resource, level] of Object.entries(request.permissions ?? {})) {
    const label = RESOURCE_LABELS[resource as Resource] ?? resource;
    await form.getByRole('radio', { name: `${label}: ${LEVEL_LABELS[level]}`, exact: true }).check();
  }
  await form.getByRole('button', { name: /^Create (test|live) key$/ }).click();
  const reveal = page.getByRole('region', { name: 'New API key' }).filter({ hasText: `“${request.name}”` });
  await expect(reveal).toContainText('You won’t see it again');
  return reveal.getByLabel('New API key').inputValue();
}

/** The keys table row of the key named `name` (one row per name: no rolls in between). */
export function keyRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'API keys' }).getByRole('row').filter({ hasText: name });
}

/**
 * Revokes the key named `name` with its row's Revoke button (accepting the
 * confirmation) and returns Date.now() once the server action's response has
 * arrived, i.e. once the revocation has committed and its cached lookup is gone.
 */
export async function revokeKeyInDashboard(page: Page, name: string): Promise<number> {
  const row = keyRow(page, name);
  page.once('dialog', (dialog) => void dialog.accept());
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && !!r.request().headers()['next-action']),
    row.getByRole('button', { name: `Revoke ${name} (`, exact: false }).click(),
  ]);
  // Next.js runs the action before it starts its response, so once the
  // response has arrived the key is revoked and its cached lookup gone. (Not
  // response.finished(): the RSC stream of a roll's answer does not report it.)
  expect(response.ok()).toBe(true);
  const doneAt = Date.now();
  await expect(row.getByText('Revoked', { exact: true })).toBeVisible();
  return doneAt;
}

// ---- Redis ----------------------------------------------------------------------

/**
 * Deletes every Redis key of this run's server (its E2E_REDIS_KEY_PREFIX),
 * as if Redis had restarted empty: sessions, caches, rate-limit counters. Only
 * a prefix that scripts/e2e.ts made is accepted, so a developer's own data
 * (or another run's) cannot be touched. Returns how many keys were deleted.
 */
export async function flushServerRedis(): Promise<number> {
  const prefix = process.env.E2E_REDIS_KEY_PREFIX ?? '';
  if (!/^e2e:[0-9a-z]+:$/.test(prefix)) throw new Error(`refusing to flush Redis prefix "${prefix}"`);
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  try {
    await redis.connect();
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (batch.length > 0) deleted += await redis.del(...batch);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}
