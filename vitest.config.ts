import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };

// Two projects: pure unit tests beside the code, and integration tests that each
// get their own PostgreSQL database (cloned from a migrated template made once
// per run) and their own Redis key prefix. Nothing is mocked.
export default defineConfig({
  resolve: { alias },
  test: {
    // 2 cores: two files at a time keeps PostgreSQL and the runner responsive.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'worker/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/test-secrets.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/global-setup.ts'],
          setupFiles: ['tests/setup/per-file-database.ts', 'tests/setup/test-secrets.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
