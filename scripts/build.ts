import { buildIsCurrent, recordBuild, sourceFingerprint } from './lib/build-fingerprint';
import { buildCheckoutScript } from './lib/checkout-script';
import { run } from './lib/run';

/**
 * `npm run build`: Prisma client, the hosted checkout's script (esbuild, see
 * scripts/lib/checkout-script.ts), then `next build`, then the source fingerprint
 * that lets `npm start` (and the e2e run inside `npm test`) reuse this build
 * instead of building again. `--if-changed` skips the build when it is current.
 */
const root = process.cwd();
const fingerprint = await sourceFingerprint(root);
if (process.argv.includes('--if-changed') && (await buildIsCurrent(root, fingerprint))) {
  console.log('Build: up to date with the sources; skipping `next build`.');
  process.exit(0);
}
const generate = await run('npm', ['run', '--silent', 'db:generate']);
if (generate !== 0) process.exit(generate);
const script = await buildCheckoutScript(root);
console.log(`Checkout script: ${script.src} (${script.bytes} bytes)`);
const next = await run('npx', ['next', 'build']);
if (next !== 0) process.exit(next);
await recordBuild(root, fingerprint);
