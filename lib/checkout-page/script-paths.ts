import path from 'node:path';

/**
 * Where the hosted checkout's built script lives, relative to the project root:
 * written by scripts/lib/checkout-script.ts at build time, read by the page
 * (script-asset.ts), the build fingerprint and the e2e script inventory.
 */
export const CHECKOUT_ASSETS_DIR = path.join('public', 'checkout-assets');
export const CHECKOUT_SCRIPT_MANIFEST = path.join(CHECKOUT_ASSETS_DIR, 'manifest.json');
