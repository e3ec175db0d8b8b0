import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPublicId } from '@/lib/api/object-id';
import { query } from '@/tests/helpers/fixtures';
import { startReceiver, type Receiver } from '@/tests/helpers/webhook-receiver';
import { committedEvent, endpointFor, installGraphileWorker } from './helpers';
import { insertMerchant } from '@/tests/helpers/fixtures';

/**
 * The real worker process (worker/index.ts, this file's database and Redis
 * prefix) is SIGKILLed while it delivers to a slow receiver, then started
 * again: every event arrives (at least once, same event id), none is lost.
 *
 * The worker runs as `node --import tsx worker/index.ts` rather than through
 * `npx tsx`, so that the pid we SIGKILL is the worker itself and not a
 * launcher whose child would live on.
 */
let receiver: Receiver;
const children: ChildProcess[] = [];

beforeAll(async () => {
  await installGraphileWorker();
  receiver = await startReceiver();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await receiver.close();
});

function startWorker(): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/index.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  children.push(child);
  return { child, output: () => output };
}

async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

describe('the worker killed mid-delivery', () => {
  it('delivers every event after a SIGKILL and a restart, none lost', { timeout: 150_000 }, async () => {
    const scope = { merchantId: await insertMerchant({ status: 'active' }), livemode: false };
    const endpoint = await endpointFor(scope, { url: receiver.url, enabled_events: ['*'] });
    receiver.secrets = [endpoint.secret];
    // Slow: each answer takes 150 ms, so the kill lands while attempts are in flight.
    receiver.reply = () => ({ status: 200, delayMs: 150 });
    const expected: string[] = [];
    for (let i = 0; i < 40; i++) expected.push(await committedEvent(scope, 'charge.succeeded', `ch_${i}`));

    const first = startWorker();
    await waitFor(() => receiver.deliveries.length >= 10, 60_000, `first deliveries\n${first.output()}`);
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    const atKill = receiver.eventIds().length;
    const inFlight = await query(
      `SELECT 1 FROM webhook_deliveries WHERE status = 'pending' AND lease_until > now()`,
    );
    expect(atKill).toBeLessThan(expected.length);

    // Events committed while no worker runs: nobody hears their notification.
    for (let i = 40; i < 50; i++) expected.push(await committedEvent(scope, 'charge.succeeded', `ch_${i}`));

    const restartedAt = Date.now();
    const second = startWorker();
    try {
      await waitFor(
        () => expected.every((id) => receiver.eventIds().includes(id)),
        120_000,
        `all events after the restart (${receiver.eventIds().length}/${expected.length})\n${second.output()}`,
      );
      const recoveryMs = Date.now() - restartedAt;
      await waitFor(
        async () =>
          (await query(`SELECT 1 FROM webhook_deliveries WHERE status <> 'succeeded'`)).length === 0 &&
          (await query(`SELECT 1 FROM events WHERE pending_webhooks <> 0 OR published_at IS NULL`)).length ===
            0,
        30_000,
        'deliveries recorded',
      );
      expect(receiver.deliveries.every((d) => d.event !== null)).toBe(true);
      expect(receiver.eventIds().sort()).toEqual([...expected].sort());
      const rows = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1 AND status = 'succeeded'`,
        [fromPublicId('we', endpoint.id)],
      );
      expect(rows[0]!.n).toBe(expected.length);
      const duplicates = receiver.deliveries.length - receiver.eventIds().length;
      console.info(
        `[figures] SIGKILL after ${atKill} of ${expected.length} events (${inFlight.length} attempts in flight); all delivered ${recoveryMs} ms after the restart; ${duplicates} duplicate deliveries (at-least-once)`,
      );
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  });
});
