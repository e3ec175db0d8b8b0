import { readFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { CHECKOUT_SCRIPT_MANIFEST as MANIFEST } from './script-paths';

/**
 * The checkout page's script as built by scripts/lib/checkout-script.ts
 * (`npm run build`, `npm run dev`): its path on our origin and its
 * Subresource Integrity hash, read from the manifest written beside it.
 * Null when it has not been built (the page then renders without it: Pay
 * stays disabled, as without JavaScript). Read once per process in
 * production; on every request in development, where it may be rebuilt.
 */
export interface CheckoutScriptAsset {
  src: string;
  integrity: string;
}

let cached: CheckoutScriptAsset | null = null;

export function checkoutScriptAsset(): CheckoutScriptAsset | null {
  if (cached) return cached;
  let asset: CheckoutScriptAsset | null = null;
  try {
    const parsed = JSON.parse(readFileSync(path.join(process.cwd(), MANIFEST), 'utf8')) as Partial<
      Record<keyof CheckoutScriptAsset, unknown>
    >;
    if (
      typeof parsed.src === 'string' &&
      /^\/checkout-assets\/card-form\.[0-9a-f]+\.js$/.test(parsed.src) &&
      typeof parsed.integrity === 'string' &&
      /^sha384-[A-Za-z0-9+/]+={0,2}$/.test(parsed.integrity)
    )
      asset = { src: parsed.src, integrity: parsed.integrity };
  } catch {
    // Not built: logged below.
  }
  if (!asset) log.error('checkout.script_missing', { manifest: MANIFEST });
  if (asset && env.NODE_ENV === 'production') cached = asset;
  return asset;
}
