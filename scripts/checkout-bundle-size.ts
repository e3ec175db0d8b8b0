import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHECKOUT_SCRIPT_MANIFEST, type CheckoutScriptManifest } from './lib/checkout-script';

/**
 * `npx tsx scripts/checkout-bundle-size.ts [--json]` after `npm run build`:
 * the JavaScript the hosted checkout page loads, raw and gzip-compressed
 * (level 6, what `next start` serves), against the 100 KB compressed target,
 * and the source modules bundled into it (the script inventory's `modules`).
 *
 * The page is a Pages Router page with `unstable_runtimeJS: false`: no Next.js
 * or React code reaches the browser, only our script
 * (lib/checkout-page/form-script.ts, built by scripts/lib/checkout-script.ts).
 * The e2e "script inventory" test proves that no other script is loaded; this
 * script exits 1 when ours is over its budget. The stylesheet is listed for
 * information (it is CSS, not JavaScript).
 */
const TARGET_GZIP_BYTES = 100 * 1024;
const SCRIPT_BUDGET_GZIP_BYTES = 20 * 1024;
const root = process.cwd();
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const manifest = JSON.parse(
  readFileSync(path.join(root, CHECKOUT_SCRIPT_MANIFEST), 'utf8'),
) as CheckoutScriptManifest;
const body = readFileSync(path.join(root, 'public', manifest.src));
const script = { file: manifest.src, bytes: body.length, gzipBytes: gzipSync(body).length };

// The global stylesheet(s) the page links (the Pages Router's _app).
const build = JSON.parse(readFileSync(path.join(root, '.next', 'build-manifest.json'), 'utf8')) as {
  pages?: Record<string, string[]>;
};
const css = [...new Set([...(build.pages?.['/_app'] ?? []), ...(build.pages?.['/checkout/[id]'] ?? [])])]
  .filter((f) => f.endsWith('.css'))
  .map((file) => {
    const data = readFileSync(path.join(root, '.next', file));
    return { file, bytes: data.length, gzipBytes: gzipSync(data).length };
  });

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify(
      {
        javascript: [script],
        totalGzipBytes: script.gzipBytes,
        targetGzipBytes: TARGET_GZIP_BYTES,
        scriptBudgetGzipBytes: SCRIPT_BUDGET_GZIP_BYTES,
        modules: manifest.modules,
        css,
      },
      null,
      2,
    ),
  );
} else {
  console.log('JavaScript of /checkout/[id] (production build):');
  console.log(
    `  ${script.file.padEnd(48)} ${kb(script.bytes).padStart(9)}  gzip ${kb(script.gzipBytes).padStart(8)}`,
  );
  console.log(
    `  target ${kb(TARGET_GZIP_BYTES)} gzip: ${script.gzipBytes <= TARGET_GZIP_BYTES ? 'met' : `over by ${kb(script.gzipBytes - TARGET_GZIP_BYTES)}`}`,
  );
  console.log(`  modules: ${manifest.modules.join(', ')}`);
  for (const f of css)
    console.log(`CSS ${f.file.padEnd(48)} ${kb(f.bytes).padStart(9)}  gzip ${kb(f.gzipBytes).padStart(8)}`);
}
if (script.gzipBytes > SCRIPT_BUDGET_GZIP_BYTES) {
  console.error(
    `The checkout's script is over its budget by ${kb(script.gzipBytes - SCRIPT_BUDGET_GZIP_BYTES)}.`,
  );
  process.exit(1);
}
