import { expect, test, type Page } from '@playwright/test';
import Stripe from 'stripe';
import {
  createKeyInDashboard,
  keyName,
  keyRow,
  openDemoKeysPage,
  revokeKeyInDashboard,
  sleep,
  stripeFor,
} from './helpers/api';

/**
 * Revocation is effective at once on the running server, although key lookups
 * are cached in Redis for 30 seconds: a client keeps calling the API with a
 * key while it is revoked (or rolled with "Now") in the dashboard. Every
 * request that starts after the dashboard's answer arrived is refused, and the
 * first refusal comes well within a second of it.
 */
interface Probe {
  startedAt: number;
  finishedAt: number;
  error?: unknown;
}

/**
 * Calls the API with `key` about 15 times a second (under the 25/s test-mode
 * limit, so every failure is about the key) until the first failure, or until
 * `stop()` is called; every success after the first request was served from
 * the cached lookup.
 */
function startProbing(key: string) {
  const stripe = stripeFor(key);
  const probes: Probe[] = [];
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const startedAt = Date.now();
      try {
        await stripe.customers.list({ limit: 1 });
        probes.push({ startedAt, finishedAt: Date.now() });
      } catch (error) {
        probes.push({ startedAt, finishedAt: Date.now(), error });
        return;
      }
      await sleep(50);
    }
  })();
  return {
    probes,
    stop: async () => {
      stopped = true;
      await done;
    },
    /** Resolves with the first failed probe, or rejects after `ms`. */
    firstFailure: async (ms: number) => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const failed = probes.find((p) => p.error !== undefined);
        if (failed) return failed;
        await sleep(10);
      }
      throw new Error(`the key still worked ${ms} ms later`);
    },
  };
}

function expectCutOff(probes: Probe[], failed: Probe, doneAt: number): void {
  expect(failed.error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  // It worked up to the revocation...
  expect(probes.filter((p) => !p.error && p.finishedAt < doneAt).length).toBeGreaterThanOrEqual(3);
  // ...nothing that started after it succeeded...
  expect(probes.filter((p) => !p.error && p.startedAt >= doneAt)).toEqual([]);
  // ...and the first refusal came within a second.
  const latency = failed.finishedAt - doneAt;
  test.info().annotations.push({ type: 'revocation latency', description: `${latency} ms` });
  expect(latency).toBeLessThan(1000);
}

async function rollNow(page: Page, name: string): Promise<{ newKey: string; doneAt: number }> {
  const row = keyRow(page, name);
  await row.getByText('Roll…').click();
  await row.getByLabel('Old key stops working').selectOption('now');
  page.once('dialog', (dialog) => void dialog.accept());
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && !!r.request().headers()['next-action']),
    row.getByRole('button', { name: `Roll ${name} (` }).click(),
  ]);
  // Next.js runs the action before it starts its response, so once the
  // response has arrived the key is revoked and its cached lookup gone. (Not
  // response.finished(): the RSC stream of a roll's answer does not report it.)
  expect(response.ok()).toBe(true);
  const doneAt = Date.now();
  const reveal = row.getByRole('region', { name: 'New API key' });
  await expect(reveal).toBeVisible();
  return { newKey: await reveal.getByLabel('New API key').inputValue(), doneAt };
}

test('a key revoked in the dashboard stops working within a second', async ({ page }) => {
  await openDemoKeysPage(page);
  const name = keyName('Revocation: probe');
  const key = await createKeyInDashboard(page, { name });
  await page.reload();

  const probe = startProbing(key);
  try {
    await sleep(300); // a few successful, cached lookups first
    const doneAt = await revokeKeyInDashboard(page, name);
    const failed = await probe.firstFailure(3000);
    expectCutOff(probe.probes, failed, doneAt);
  } finally {
    await probe.stop();
  }
  // And it stays refused.
  const again = stripeFor(key).customers.list({ limit: 1 });
  await expect(again).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
});

test('a key rolled with “Now” stops working within a second; its successor works', async ({ page }) => {
  await openDemoKeysPage(page);
  const name = keyName('Revocation: rolled');
  const key = await createKeyInDashboard(page, { name });
  await page.reload();

  const probe = startProbing(key);
  let newKey = '';
  try {
    await sleep(300);
    const rolled = await rollNow(page, name);
    newKey = rolled.newKey;
    const failed = await probe.firstFailure(3000);
    expectCutOff(probe.probes, failed, rolled.doneAt);
  } finally {
    await probe.stop();
  }
  expect(newKey).toMatch(/^sk_test_/);
  expect(newKey).not.toBe(key);
  expect((await stripeFor(newKey).customers.list({ limit: 1 })).object).toBe('list');
});
