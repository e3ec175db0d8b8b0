import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from '@/lib/db/migrations';
import { buildIsCurrent, sourceFingerprint } from './lib/build-fingerprint';
import { buildCheckoutScript } from './lib/checkout-script';
import { startEmbeddedPostgres } from './lib/embedded-postgres';
import { prefixed, runStep, runningChildren, startChild, type Child } from './lib/processes';
import { prismaClientIsStale } from './lib/prisma-client';
import { ensureLocalSecrets } from './lib/local-secrets';
import { pingRedis } from './lib/redis-check';
import { waitForHttp } from './lib/wait-for-http';

/**
 * `npm start` / `npm run dev`: the one command a newcomer runs. Checks Redis,
 * starts a PostgreSQL if none is configured, migrates, loads demo data, builds
 * when the sources changed, then runs the app and the worker until Ctrl-C, and
 * stops everything it started. Steps are described in docs/running.md.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const dev = process.argv.includes('--dev');

process.chdir(ROOT);
loadDotEnv();

const config = {
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  port: Number(process.env.PORT || 3000),
  embeddedPgPort: Number(process.env.EMBEDDED_PG_PORT || 54329),
};

const say = (line: string) => prefixed('start', line);
let postgres: Child | undefined;
let stopping: Promise<void> | undefined;
let firstSignalAt = 0;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (!stopping) {
      firstSignalAt = Date.now();
      say(`${signal}: stopping (press Ctrl-C again to force)`);
      void shutdown(0);
    } else if (Date.now() - firstSignalAt > 1000) {
      // npm and tsx both forward the terminal's Ctrl-C, so one keypress can arrive
      // twice within milliseconds; only a later one means "force".
      say('forcing stop');
      for (const child of runningChildren()) child.kill();
      process.exit(1);
    }
  });
}

main().catch((err: unknown) => {
  // A step killed by our own shutdown fails too; that is not news.
  if (stopping) return;
  process.stderr.write(`\n[start] ${err instanceof Error ? err.message : String(err)}\n\n`);
  void shutdown(1);
});

async function main(): Promise<void> {
  say(`${dev ? 'development' : 'production'} mode`);

  const redisError = await pingRedis(config.redisUrl);
  if (redisError) {
    throw new Error(
      `Redis is not reachable at ${config.redisUrl} (${redisError}).\n` +
        `Start it, e.g. \`redis-server --daemonize yes\`, or set REDIS_URL to a running Redis.`,
    );
  }
  say(`Redis: ${config.redisUrl}`);

  let databaseUrl = config.databaseUrl;
  if (databaseUrl) {
    say('PostgreSQL: using DATABASE_URL');
  } else {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(ROOT, '.data', 'postgres'),
      port: config.embeddedPgPort,
      database: 'payments',
    });
    postgres = pg.child;
    watchForUnexpectedExit(pg.child);
    databaseUrl = pg.url;
    say(`PostgreSQL: embedded, ${databaseUrl.replace(/:[^:@/]+@/, ':***@')} (data in .data/postgres)`);
  }

  const secrets = ensureLocalSecrets(ROOT);
  if (secrets.created.length) say(`Secrets: generated ${secrets.created.join(', ')} in ${path.relative(ROOT, secrets.file)}`);

  const env: NodeJS.ProcessEnv = {
    // Generated local secrets first: anything set in the environment wins.
    ...secrets.values,
    // The demo install shows its outgoing mail in the development mailbox.
    DEMO_MODE: 'true',
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: config.redisUrl,
    PORT: String(config.port),
    // A self-hosted payments install does not phone home.
    NEXT_TELEMETRY_DISABLED: '1',
  };

  if (prismaClientIsStale(ROOT)) await step('generate', 'npm', ['run', 'db:generate'], env);

  const { applied, alreadyApplied } = await migrate(databaseUrl, {
    dir: path.join(ROOT, 'prisma', 'migrations'),
    log: (line) => say(line),
  });
  say(`Migrations: ${applied.length} applied now, ${alreadyApplied} already applied`);

  // Repeated under the Ready banner: by then the build and the app's logs have
  // scrolled the seed's sign-in lines away. Only present when it seeded just now.
  const seedOutput = await seed(env);
  const signInAt = seedOutput.findIndex((line) => line.startsWith('Demo sign-in'));
  const signIn = signInAt >= 0 ? seedOutput.slice(signInAt) : [];
  while (signIn.at(-1) === '') signIn.pop();

  if (!dev) await buildIfChanged(env);
  // `next dev` does not build the checkout's script (scripts/lib/checkout-script.ts): once here,
  // again after editing lib/checkout-page/form-script.ts (restart, or `npm run build`).
  else say(`Checkout script: ${(await buildCheckoutScript(ROOT)).src}`);

  // Production: scripts/serve.ts (Next's handler behind our own HTTP server, which
  // decides the client's address; TRUSTED_PROXY_HOPS).
  watchForUnexpectedExit(
    dev
      ? startChild('app', path.join(BIN, 'next'), ['dev', '-p', String(config.port)], { env })
      : startChild('app', path.join(BIN, 'tsx'), ['scripts/serve.ts'], { env }),
  );
  watchForUnexpectedExit(startChild('worker', path.join(BIN, 'tsx'), ['worker/index.ts'], { env }));

  const base = `http://localhost:${config.port}`;
  if (await waitForHttp(`${base}/api/health`, () => !stopping)) {
    const banner = [
      '',
      '─'.repeat(60),
      `  Ready:  ${base}`,
      `  Health: ${base}/api/health`,
      ...(signIn.length ? ['', ...signIn.map((line) => `  ${line}`)] : []),
      '',
      `  Ctrl-C stops ${postgres ? 'the app, the worker and PostgreSQL' : 'the app and the worker'}.`,
      '─'.repeat(60),
      '',
    ];
    process.stdout.write(banner.join('\n') + '\n');
  }
}

/** Loads demo data into an empty database; returns what the seed printed. */
async function seed(env: NodeJS.ProcessEnv): Promise<string[]> {
  if (!existsSync(path.join(ROOT, 'scripts', 'seed.ts'))) {
    say('scripts/seed.ts not found: skipping demo data');
    return [];
  }
  // Demo accounts have published passwords: never load them into a production
  // install on our own initiative (the seed would refuse anyway and fail the start).
  if (env.NODE_ENV === 'production') {
    say('NODE_ENV=production: not loading demo data (`npm run seed` loads it on purpose)');
    return [];
  }
  const lines: string[] = [];
  const code = await runStep('seed', path.join(BIN, 'tsx'), ['scripts/seed.ts', '--if-empty'], {
    env,
    onLine: (line, stream) => {
      if (stream === 'stdout') lines.push(line);
      prefixed('seed', line, stream);
    },
  });
  if (code !== 0) throw new Error(`Loading demo data failed (scripts/seed.ts exited with ${code}).`);
  return lines;
}

async function buildIfChanged(env: NodeJS.ProcessEnv): Promise<void> {
  const fingerprint = await sourceFingerprint(ROOT);
  if (await buildIsCurrent(ROOT, fingerprint)) {
    say('Build: up to date');
    return;
  }
  say('Build: sources changed since the last build (or no build yet); running `npm run build`');
  // scripts/build.ts records the fingerprint once the build succeeds.
  await step('build', 'npm', ['run', 'build'], env);
}

async function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const code = await runStep(name, command, args, { env });
  if (code !== 0) throw new Error(`\`${command} ${args.join(' ')}\` failed with exit code ${code}.`);
}

function watchForUnexpectedExit(child: Child): void {
  void child.exited.then(({ code, signal }) => {
    if (stopping) return;
    say(`${child.name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything`);
    void shutdown(1);
  });
}

/**
 * Stops the app and worker (and any step still running) first, PostgreSQL last so
 * that they can finish their work against it, then exits.
 */
function shutdown(code: number): Promise<void> {
  stopping ??= (async () => {
    const others = runningChildren().filter((c) => c !== postgres);
    await Promise.all(others.map((c) => c.stop()));
    if (postgres?.running()) {
      say('stopping PostgreSQL');
      await postgres.stop();
    }
    say('stopped');
    process.exit(code);
  })();
  return stopping;
}

/**
 * The app reads .env itself (Next.js); the worker and this script do not. Load
 * .env.local and .env here (variables already set win) so that all of them see
 * one configuration, e.g. a DATABASE_URL written in .env.
 */
function loadDotEnv(): void {
  for (const file of ['.env.local', '.env']) {
    if (existsSync(path.join(ROOT, file))) process.loadEnvFile(path.join(ROOT, file));
  }
}
