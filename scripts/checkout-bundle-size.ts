import { routeBundle } from './lib/route-bundle';

/**
 * `npx tsx scripts/checkout-bundle-size.ts [--json]` after `npm run build`:
 * the hosted checkout's first-load JavaScript, per file and in total, raw and
 * gzip-compressed (level 6, what `next start` serves), against the 100 KB
 * compressed target, and the page's own client modules (the script
 * inventory's `clientModules`).
 *
 * Next's root main files (React DOM, the App Router, the Turbopack runtime)
 * load on every route and are most of the total; we cannot shrink them from
 * here. What this app adds (the root layout's and the page's chunks) has its
 * own budget, and the script exits 1 when that is exceeded.
 */
const TARGET_GZIP_BYTES = 100 * 1024;
const ROUTE_BUDGET_GZIP_BYTES = 25 * 1024;
const bundle = routeBundle(process.cwd(), 'checkout/[id]/page');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify(
      { ...bundle, targetGzipBytes: TARGET_GZIP_BYTES, routeBudgetGzipBytes: ROUTE_BUDGET_GZIP_BYTES },
      null,
      2,
    ),
  );
} else {
  console.log('First-load JavaScript of /checkout/[id] (production build):');
  for (const f of bundle.files)
    console.log(
      `  ${f.file.padEnd(44)} ${kb(f.bytes).padStart(9)}  gzip ${kb(f.gzipBytes).padStart(8)}  ${f.framework ? 'framework' : 'app'}`,
    );
  console.log(
    `  ${'total'.padEnd(44)} ${kb(bundle.totalBytes).padStart(9)}  gzip ${kb(bundle.totalGzipBytes).padStart(8)}`,
  );
  console.log(
    `  target ${kb(TARGET_GZIP_BYTES)} gzip: ${bundle.totalGzipBytes <= TARGET_GZIP_BYTES ? 'met' : `over by ${kb(bundle.totalGzipBytes - TARGET_GZIP_BYTES)}`}`,
  );
  console.log(
    `  app chunks (layout + page): gzip ${kb(bundle.routeGzipBytes)} (budget ${kb(ROUTE_BUDGET_GZIP_BYTES)})`,
  );
  console.log(`Client modules of the page: ${bundle.projectClientModules.join(', ')}`);
}
if (bundle.routeGzipBytes > ROUTE_BUDGET_GZIP_BYTES) {
  console.error(
    `The checkout's own chunks are over budget by ${kb(bundle.routeGzipBytes - ROUTE_BUDGET_GZIP_BYTES)}.`,
  );
  process.exit(1);
}
