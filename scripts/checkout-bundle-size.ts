import { routeBundle } from './lib/route-bundle';

/**
 * `npx tsx scripts/checkout-bundle-size.ts [--json]` after `npm run build`:
 * the hosted checkout's first-load JavaScript, per file and in total, raw and
 * gzip-compressed (level 6, what `next start` serves), against the 100 KB
 * compressed budget (exit 1 when over). Also lists the page's own client
 * modules (the script inventory's `clientModules`).
 */
const BUDGET_GZIP_BYTES = 100 * 1024;
const bundle = routeBundle(process.cwd(), 'checkout/[id]/page');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ ...bundle, budgetGzipBytes: BUDGET_GZIP_BYTES }, null, 2));
} else {
  console.log(`First-load JavaScript of /checkout/[id] (production build):`);
  for (const f of bundle.files)
    console.log(`  ${f.file.padEnd(48)} ${kb(f.bytes).padStart(9)}  gzip ${kb(f.gzipBytes).padStart(8)}`);
  console.log(
    `  ${'total'.padEnd(48)} ${kb(bundle.totalBytes).padStart(9)}  gzip ${kb(bundle.totalGzipBytes).padStart(8)}  (budget ${kb(BUDGET_GZIP_BYTES)})`,
  );
  console.log(`Client modules of the page: ${bundle.projectClientModules.join(', ')}`);
}
if (bundle.totalGzipBytes > BUDGET_GZIP_BYTES) {
  console.error(`Over budget by ${kb(bundle.totalGzipBytes - BUDGET_GZIP_BYTES)}.`);
  process.exit(1);
}
