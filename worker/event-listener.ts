import pg from 'pg';
import type { Runner } from 'graphile-worker';
import { databaseUrl } from '@/lib/env';
import { log } from '@/lib/log';

/**
 * Wakes the webhooks relay promptly. The events table's trigger NOTIFYs
 * `events_committed` when events commit (never for a rolled-back
 * transaction); each notification queues the relay job under one job key, so
 * a burst of commits is one waiting job. Notifications are lost while this
 * connection is down, so the sweep is also queued every SWEEP_INTERVAL_MS (and
 * by cron each minute): a missed notification delays an event by seconds,
 * never loses it.
 */
export const SWEEP_INTERVAL_MS = 5_000;
const RECONNECT_MS = 2_000;

export function listenForEvents(runner: Runner): { stop: () => Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let reconnect: NodeJS.Timeout | null = null;

  const queueRelay = () => {
    runner
      .addJob('webhooks_relay', {}, { jobKey: 'webhooks_relay' })
      .catch((err: unknown) => log.warn('could not queue the webhooks relay', { err: String(err) }));
  };

  const connect = () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: databaseUrl() });
    client = c;
    const retry = (err?: unknown) => {
      if (client !== c) return;
      client = null;
      c.end().catch(() => undefined);
      if (stopped) return;
      log.warn('events listener disconnected; reconnecting', {
        err: err instanceof Error ? err.message : undefined,
      });
      reconnect = setTimeout(connect, RECONNECT_MS);
    };
    c.on('error', retry);
    c.on('end', () => retry());
    c.on('notification', queueRelay);
    c.connect()
      .then(() => c.query('LISTEN events_committed'))
      // Events that committed while nobody listened.
      .then(queueRelay)
      .catch(retry);
  };

  connect();
  const sweep = setInterval(() => {
    runner
      .addJob('webhooks_sweep', {}, { jobKey: 'webhooks_sweep' })
      .catch((err: unknown) => log.warn('could not queue the webhooks sweep', { err: String(err) }));
  }, SWEEP_INTERVAL_MS);

  return {
    stop: async () => {
      stopped = true;
      clearInterval(sweep);
      if (reconnect) clearTimeout(reconnect);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
    },
  };
}
