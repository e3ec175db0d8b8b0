import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createDatabase, databaseUrl, dropDatabase } from '@/tests/helpers/test-databases';
import { run } from './lib/run';

/**
 * `npm run test:e2e`: Playwright against the real product. Each run gets a fresh
 * database and Redis key prefix; Playwright's webServer starts the app exactly as
 * a newcomer would (`npm start`), which migrates, seeds the demo data, and runs
 * the app and the worker. Extra arguments are passed to `playwright test`.
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function runE2e(args: string[] = []): Promise<number> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const name = `pay_e2e_${runId}`;
  await createDatabase(name);
  try {
    const port = await freePort();
    return await run('npx', ['playwright', 'test', ...args], {
      ...process.env,
      E2E_DATABASE_URL: databaseUrl(name),
      E2E_PORT: String(port),
      E2E_REDIS_KEY_PREFIX: `e2e:${runId}:`,
    });
  } finally {
    await dropDatabase(name);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(await runE2e(process.argv.slice(2)));
}
