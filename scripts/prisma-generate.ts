import { spawnSync } from 'node:child_process';

/**
 * `prisma generate` with no network: the CLI insists on a schema-engine binary
 * path even though generate never executes it (it would try to download one).
 * Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies the check.
 */
const result = spawnSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
