import { parseArgs } from 'node:util';
import { SEED_DEFAULTS } from '@/lib/seed/plan';

/**
 * Command-line flags of `npm run seed`, and the production safety check. Kept
 * apart from scripts/seed.ts so both can be unit-tested without a database.
 */

export interface SeedArgs {
  merchants: number;
  transactions: number;
  seed: number;
  days: number;
  ifEmpty: boolean;
  force: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run seed -- [options]

  --merchants N      merchants to create, the demo merchant included (default ${SEED_DEFAULTS.merchants})
  --transactions M   payments to generate across all merchants (default ${SEED_DEFAULTS.transactions})
  --days D           history length in days, ending yesterday (UTC) (default ${SEED_DEFAULTS.days})
  --seed S           random seed; the same seed on the same day gives identical data (default ${SEED_DEFAULTS.seed})
  --if-empty         do nothing (exit 0) if the database already has merchants
  --force            allow a production-looking database when NODE_ENV=production
  --help             show this help

Seeds the database at DATABASE_URL (already migrated). See docs/seed.md.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

function integer(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const text = raw.replace(/_/g, '');
  if (!/^\d+$/.test(text)) throw new UsageError(`--${flag} must be a non-negative integer, got "${raw}"`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new UsageError(`--${flag} is too large`);
  return value;
}

export function parseSeedArgs(argv: string[]): SeedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        merchants: { type: 'string' },
        transactions: { type: 'string' },
        seed: { type: 'string' },
        days: { type: 'string' },
        'if-empty': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  const args: SeedArgs = {
    merchants: integer('merchants', v.merchants, SEED_DEFAULTS.merchants),
    transactions: integer('transactions', v.transactions, SEED_DEFAULTS.transactions),
    seed: integer('seed', v.seed, SEED_DEFAULTS.seed),
    days: integer('days', v.days, SEED_DEFAULTS.days),
    ifEmpty: v['if-empty'],
    force: v.force,
    help: v.help,
  };
  if (args.merchants < 1) throw new UsageError('--merchants must be at least 1 (the demo merchant)');
  if (args.days < 1) throw new UsageError('--days must be at least 1');
  return args;
}

/** Words in a database name that mark it as a throwaway or development database. */
const DEV_WORDS = new Set([
  'dev',
  'devel',
  'development',
  'local',
  'localhost',
  'test',
  'tests',
  'testing',
  'demo',
  'seed',
  'seeded',
  'sandbox',
  'scratch',
  'tmp',
  'temp',
  'ci',
  'playground',
]);

export function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
}

export function looksLikeDevDatabase(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((word) => DEV_WORDS.has(word));
}

/**
 * Seeding writes well-known passwords (demo@example.com, admin@example.com), so
 * with NODE_ENV=production it only runs against a database whose name says it
 * is for development or demos (e.g. "paystack_demo"), unless --force.
 * Returns the reason to refuse, or null.
 */
export function refusalReason(input: {
  nodeEnv: string;
  databaseUrl: string;
  force: boolean;
}): string | null {
  if (input.nodeEnv !== 'production' || input.force) return null;
  const name = databaseName(input.databaseUrl);
  if (looksLikeDevDatabase(name)) return null;
  return (
    `Refusing to seed database "${name}" with NODE_ENV=production: seeding creates accounts with published ` +
    `passwords. Use a database whose name contains dev, test, demo, local, ... or pass --force.`
  );
}
