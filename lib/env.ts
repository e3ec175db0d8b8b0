import { z } from 'zod';

/**
 * The one place that reads process.env. Everything is validated when this module
 * loads (the app's instrumentation hook, the worker and every script import it
 * first), so a bad configuration stops the process at boot with a readable message
 * instead of failing on the first request that happens to need the value.
 */

// `next build` evaluates route modules to collect page data without a database;
// only then is DATABASE_URL allowed to be missing.
const isBuildPhase = process.env.NEXT_PHASE === 'phase-production-build';

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: isBuildPhase ? url(['postgres:', 'postgresql:']).optional() : url(['postgres:', 'postgresql:']),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  /** Prepended to every Redis key; lets test runs and several installs share one Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]*$/, 'may only contain letters, digits, ":", "_" and "-"')
    .default(''),
  ELASTICSEARCH_URL: url(['http:', 'https:']).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public base URL, used in links we hand out (checkout urls, webhook logs). */
  APP_URL: url(['http:', 'https:']).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Size of the PostgreSQL pool of one process (app or worker). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  // Empty strings from shells and .env files mean "unset".
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const env: Env = load();

/** The database URL, for code that runs only outside `next build`. */
export function databaseUrl(): string {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  return env.DATABASE_URL;
}

export function appUrl(): string {
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}
