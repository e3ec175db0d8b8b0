import { buildIsCurrent, recordBuild, sourceFingerprint } from './lib/build-fingerprint';
import { run } from './lib/run';

/**
 * `npm run build`: Prisma client, then `next build`, then the source fingerprint
 * that lets `npm start` (and the e2e run inside `npm test`) reuse this build
 * instead of building again. `--if-changed` skips the build when it is current.
 */
const root = process.cwd();
const fingerprint = await sourceFingerprint(root);
if (process.argv.includes('--if-changed') && (await buildIsCurrent(root, fingerprint))) {
  console.log('Build: up to date with the sources; skipping `next build`.');
  process.exit(0);
}
for (const [cmd, args] of [
  ['npm', ['run', '--silent', 'db:generate']],
  ['npx', ['next', 'build']],
] as const) {
  const code = await run(cmd, [...args]);
  if (code !== 0) process.exit(code);
}
await recordBuild(root, fingerprint);
