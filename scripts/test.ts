import { mkdir, readFile, rm } from 'node:fs/promises';
import { runE2e } from './e2e';
import { run } from './lib/run';

/**
 * `npm test`: everything CI checks, in order of cheapest failure first — lint,
 * typecheck, unit and integration tests (each integration file in its own
 * database), the production build, then Playwright against the built app.
 * Stops at the first failing step and ends with one summary line.
 */
interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function vitestCounts(): Promise<Counts> {
  const r = await readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(
    'test-results/vitest.json',
  );
  return r
    ? { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }
    : { passed: 0, failed: 0, skipped: 0 };
}

async function playwrightCounts(): Promise<Counts> {
  const r = await readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
    'test-results/e2e.json',
  );
  return r
    ? { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped }
    : { passed: 0, failed: 0, skipped: 0 };
}

const steps: { name: string; exec: () => Promise<number> }[] = [
  { name: 'prisma generate', exec: () => run('npm', ['run', '--silent', 'db:generate']) },
  { name: 'next typegen', exec: () => run('npx', ['next', 'typegen']) },
  { name: 'lint', exec: () => run('npm', ['run', '--silent', 'lint']) },
  { name: 'typecheck', exec: () => run('npm', ['run', '--silent', 'typecheck']) },
  {
    name: 'unit and integration tests',
    exec: () =>
      run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']),
  },
  { name: 'build', exec: () => run('npm', ['run', '--silent', 'build']) },
  { name: 'e2e (Playwright)', exec: () => runE2e() },
];

await rm('test-results', { recursive: true, force: true });
await mkdir('test-results', { recursive: true });
const started = Date.now();
let failedStep: string | undefined;
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const t0 = Date.now();
  const code = await step.exec();
  console.log(`=== ${step.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)}s ===`);
  if (code !== 0) {
    failedStep = step.name;
    break;
  }
}

const counts = [await vitestCounts(), await playwrightCounts()].reduce((a, b) => ({
  passed: a.passed + b.passed,
  failed: a.failed + b.failed,
  skipped: a.skipped + b.skipped,
}));
console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(0)}s${failedStep ? `; failed at: ${failedStep}` : ''}`);
// The plain closing line CI reads. A failed non-test step counts as a failure.
const failed = counts.failed + (failedStep && counts.failed === 0 ? 1 : 0);
console.log(`${counts.passed} passed, ${failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(failedStep ? 1 : 0);
