import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { CHECKOUT_ASSETS_DIR, CHECKOUT_SCRIPT_MANIFEST } from '@/lib/checkout-page/script-paths';

export { CHECKOUT_ASSETS_DIR, CHECKOUT_SCRIPT_MANIFEST };

/**
 * Builds the hosted checkout's one script (lib/checkout-page/form-script.ts and
 * the client-safe modules it imports) into `public/checkout-assets/`: minified,
 * named by its content hash, with a manifest the page reads for the file name
 * and its Subresource Integrity hash (sha384). Run by `npm run build` before
 * `next build`, and by `npm run dev` on start. The output is generated
 * (gitignored) and left out of the source fingerprint; its sources are in it.
 */
export const CHECKOUT_SCRIPT_ENTRY = path.join('lib', 'checkout-page', 'form-script.ts');

export interface CheckoutScriptManifest {
  /** Path on our origin, e.g. /checkout-assets/card-form.3f2a….js */
  src: string;
  /** `sha384-…` of the file, for the script tag's integrity attribute. */
  integrity: string;
  bytes: number;
  /** The source files bundled into it (the script inventory's `modules`), e.g. lib/cards/luhn.ts. */
  modules: string[];
}

export async function buildCheckoutScript(root: string): Promise<CheckoutScriptManifest> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [CHECKOUT_SCRIPT_ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    platform: 'browser',
    write: false,
    legalComments: 'none',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
    metafile: true,
  });
  const body = result.outputFiles[0]!.contents;
  const name = `card-form.${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
  const manifest: CheckoutScriptManifest = {
    src: `/checkout-assets/${name}`,
    integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
    bytes: body.length,
    modules: Object.keys(result.metafile.inputs).sort(),
  };
  const dir = path.join(root, CHECKOUT_ASSETS_DIR);
  await mkdir(dir, { recursive: true });
  // Earlier builds' files go: the page only ever names the current one.
  for (const old of await readdir(dir)) await rm(path.join(dir, old), { force: true });
  await writeFile(path.join(dir, name), body);
  await writeFile(path.join(root, CHECKOUT_SCRIPT_MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
