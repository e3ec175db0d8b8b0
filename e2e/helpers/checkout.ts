import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { CHECKOUT_ASSETS_DIR, CHECKOUT_SCRIPT_MANIFEST } from '@/lib/checkout-page/script-paths';

/**
 * Steps of e2e/checkout.spec.ts: filling the hosted checkout's card form as a
 * customer, watching that card numbers never reach a URL or browser storage,
 * and reading which scripts the page runs (compared with the committed
 * inventory, e2e/checkout-scripts.inventory.json).
 */
export interface CardInput {
  number: string;
  expiry?: string;
  cvc?: string;
  /** Leave email, name and address as they are (a second try after a decline). */
  skipContact?: boolean;
}

export function payButton(page: Page) {
  return page.getByRole('button', { name: /^(Pay |Processing)/ });
}

/** The form's own alert region. */
export function formAlert(page: Page) {
  return page.getByRole('form', { name: 'Pay with card' }).getByRole('alert');
}

export async function fillCard(page: Page, card: CardInput): Promise<void> {
  await expect(payButton(page)).toBeEnabled(); // the script is running: typing is formatted and validated
  if (!card.skipContact) {
    const email = page.getByLabel('Email');
    if ((await email.getAttribute('readonly')) === null) await email.fill('customer@example.com');
  }
  await page.getByLabel('Card number').fill(card.number);
  await page.getByLabel('Expiry date').fill(card.expiry ?? '1234');
  await page.getByLabel('Security code').fill(card.cvc ?? (card.number.startsWith('37') ? '1234' : '123'));
  if (!card.skipContact) {
    await page.getByLabel('Name on card').fill('Casey Customer');
    await page.getByLabel('Country or region').selectOption('US');
    await page.getByLabel('Postal code').fill('94107');
  }
}

export interface CardLeakTracker {
  urls: string[];
}

/** Records every URL the page navigates to or requests (the card may only travel in POST bodies). */
export function trackCardLeaks(page: Page): CardLeakTracker {
  const tracker: CardLeakTracker = { urls: [] };
  page.on('request', (r) => tracker.urls.push(r.url()));
  page.on('framenavigated', (f) => tracker.urls.push(f.url()));
  return tracker;
}

/** No card number (plain or spaced) in any URL seen, in the page's storage or in its cookies. */
export async function assertNoCardData(
  page: Page,
  tracker: CardLeakTracker,
  numbers: string[],
): Promise<void> {
  const patterns = numbers.flatMap((n) => [n, n.replace(/(\d{4})(?=\d)/g, '$1 '), n.slice(0, 12)]);
  const found = (text: string) =>
    patterns.filter((p) => text.includes(p) || decodeURIComponent(text.replace(/\+/g, ' ')).includes(p));
  for (const url of tracker.urls) expect(found(url), url).toEqual([]);
  if (!page.isClosed() && page.url().startsWith('http')) {
    const storage = await page.evaluate(() => {
      const dump = (s: Storage) =>
        Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`).join('\n');
      return `${dump(localStorage)}\n${dump(sessionStorage)}`;
    });
    expect(found(storage)).toEqual([]);
  }
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('\n');
  expect(found(cookies)).toEqual([]);
}

export interface ScriptSnapshot {
  /** Origins of every script the browser fetched: 'self' for ours. */
  origins: string[];
  /** Every script URL the browser fetched or the DOM names, by path. */
  externalPaths: string[];
  /** The DOM's external scripts with the attributes that pin them. */
  external: { path: string; integrity: string; crossOrigin: string | null; nonceOk: boolean }[];
  inlineCount: number;
  /** Inline scripts without this response's nonce (their first characters). */
  inlineWithoutNonce: string[];
}

/** Opens `url` and lists the scripts it runs, once the card form is interactive. */
export async function checkoutScriptSnapshot(page: Page, url: string): Promise<ScriptSnapshot> {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') fetched.push(r.url());
  });
  const response = await page.goto(url);
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()['content-security-policy'] ?? '')?.[1] ?? '';
  await expect(payButton(page)).toBeEnabled();
  const origin = new URL(url).origin;
  const inDom = await page.evaluate((expected) => {
    const scripts = Array.from(document.querySelectorAll('script'));
    return {
      external: scripts
        .filter((s) => s.src)
        .map((s) => ({
          src: s.src,
          integrity: s.integrity,
          crossOrigin: s.getAttribute('crossorigin'),
          nonceOk: s.nonce === expected,
        })),
      inline: scripts
        .filter((s) => !s.src)
        .map((s) => ({ ok: s.nonce === expected, head: (s.textContent ?? '').slice(0, 60) })),
    };
  }, nonce);
  const all = [...new Set([...fetched, ...inDom.external.map((s) => s.src)])];
  return {
    origins: [...new Set(all.map((u) => (new URL(u).origin === origin ? 'self' : new URL(u).origin)))].sort(),
    externalPaths: all.map((u) => new URL(u).pathname),
    external: inDom.external.map(({ src, ...rest }) => ({ path: new URL(src).pathname, ...rest })),
    inlineCount: inDom.inline.length,
    inlineWithoutNonce: inDom.inline.filter((s) => !s.ok).map((s) => s.head),
  };
}

export interface ScriptInventory {
  origins: string[];
  scripts: { pathPattern: string; source: string; modules: string[] }[];
  inlineScripts: number;
}

export function readInventory(): ScriptInventory {
  return JSON.parse(
    readFileSync(path.join(process.cwd(), 'e2e/checkout-scripts.inventory.json'), 'utf8'),
  ) as ScriptInventory;
}

/** What `npm run build` produced for the page (scripts/lib/checkout-script.ts). */
export interface BuiltCheckoutScript {
  src: string;
  integrity: string;
  bytes: number;
  modules: string[];
  /** The file's own sha384, computed here from its bytes on disk. */
  fileIntegrity: string;
}

export function readBuiltCheckoutScript(): BuiltCheckoutScript {
  const dir = path.join(process.cwd(), CHECKOUT_ASSETS_DIR);
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), CHECKOUT_SCRIPT_MANIFEST), 'utf8'),
  ) as Omit<BuiltCheckoutScript, 'fileIntegrity'>;
  const body = readFileSync(path.join(dir, path.basename(manifest.src)));
  return { ...manifest, fileIntegrity: `sha384-${createHash('sha384').update(body).digest('base64')}` };
}
