import { appUrl, databaseUrl, env } from '@/lib/env';
import { seedDatabase, SeedConflictError } from '@/lib/seed/index';
import { OTHER_OWNER_PASSWORD } from '@/lib/seed/demo';
import { parseSeedArgs, refusalReason, USAGE, UsageError } from '@/lib/seed/cli-args';

/**
 * npm run seed -- --merchants N --transactions M [--seed S] [--days D] [--if-empty] [--force]
 * Loads deterministic demo data into DATABASE_URL. See docs/seed.md.
 */

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let args;
try {
  args = parseSeedArgs(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) fail(`${err.message}\n\n${USAGE}`, 2);
  throw err;
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const url = databaseUrl();
const refusal = refusalReason({ nodeEnv: env.NODE_ENV, databaseUrl: url, force: args.force });
if (refusal) fail(refusal);

const fmt = (n: number) => n.toLocaleString('en-US');

try {
  const result = await seedDatabase({
    databaseUrl: url,
    merchants: args.merchants,
    transactions: args.transactions,
    seed: args.seed,
    days: args.days,
    ifEmpty: args.ifEmpty,
    apiKeyHmacSecret: env.API_KEY_HMAC_SECRET,
    log: (line) => console.log(line),
  });
  if (result.skipped) {
    console.log('Database already has data; skipping seed.');
    process.exit(0);
  }
  const { counts, durationMs } = result;
  const seconds = durationMs / 1000;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const lastDay = new Date(result.anchor.getTime() - 1);
  console.log(
    [
      '',
      `Seeded ${fmt(counts.merchants)} merchants, ${fmt(counts.users)} users, ${fmt(counts.customers)} customers and ` +
        `${fmt(counts.transactions)} transactions (${fmt(counts.refunds)} refunds, ${fmt(counts.disputes)} disputes, ` +
        `${fmt(counts.fraudLogs)} fraud logs, ${fmt(counts.dailySummaries)} daily summaries).`,
      `History ${day(result.historyStart)} .. ${day(lastDay)} (UTC), seed ${args.seed}; ` +
        `${seconds.toFixed(1)} s, ${fmt(Math.round(counts.transactions / seconds))} transactions/s.`,
      '',
      'Demo sign-in',
      '============',
      `  Merchant owner (${result.demo.merchant}):  ${result.demo.owner.email}  /  ${result.demo.owner.password}`,
      `  Platform admin:                    ${result.demo.admin.email}  /  ${result.demo.admin.password}`,
      `  Other merchants' owners:           owner@<shop>.example  /  ${OTHER_OWNER_PASSWORD}`,
      `  Sign in: ${appUrl()}/sign-in`,
      '  These passwords are public: never seed a database that real users can reach.',
      ...(result.demo.apiKeys.length
        ? [
            '',
            'Test API keys',
            '=============',
            ...result.demo.apiKeys.map(
              (k) => `  ${k.type === 'secret' ? 'Secret:     ' : 'Publishable:'}  ${k.key}`,
            ),
            `  Test mode keys of ${result.demo.merchant}; see ${appUrl()}/dashboard/developers/api-keys`,
            ...result.demo.apiKeys
              .filter((k) => k.type === 'secret')
              .map((k) => `  Try it:  curl ${appUrl()}/v1/customers -u ${k.key}:`),
          ]
        : []),
      '',
    ].join('\n'),
  );
} catch (err) {
  if (err instanceof SeedConflictError || err instanceof RangeError) fail(err.message);
  throw err;
}
