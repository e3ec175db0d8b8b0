import Redis from 'ioredis';
import { eventStreamKey } from '@/lib/cache/keys';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

/**
 * The dashboard's live updates: the webhook relay XADDs every committed event
 * to the merchant's Redis stream (`stream:events:<merchantId>`, entries
 * `id <evt_…> type <type> livemode <0|1> object_id <id> created <unix>`); an
 * open dashboard page follows it through Server-Sent Events.
 *
 * Each subscriber reads with XREAD BLOCK on a connection of its own (a blocked
 * XREAD would stall every other command on the shared client), closed when the
 * browser goes away or the connection reaches its age limit. Redis is volatile
 * here: the stream only says "something changed, refresh"; the page then reads
 * PostgreSQL, so a lost entry costs freshness, never data.
 */
export interface LiveEvent {
  /** The stream entry id, sent as the SSE id so a reconnect resumes after it. */
  entryId: string;
  id: string;
  type: string;
  livemode: boolean;
  objectId: string | null;
  created: number;
}

/** How long one XREAD waits before the loop checks in (heartbeat, session, age). */
export const BLOCK_MS = 15_000;

export function parseEntry(entryId: string, fields: string[]): LiveEvent | null {
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
  if (!f.id || !f.type || (f.livemode !== '0' && f.livemode !== '1')) return null;
  return {
    entryId,
    id: f.id,
    type: f.type,
    livemode: f.livemode === '1',
    objectId: f.object_id || null,
    created: Number(f.created) || 0,
  };
}

/** A stream entry id as the browser echoes it in Last-Event-ID; anything else starts at "new entries only". */
const ENTRY_ID = /^\d{1,20}-\d{1,20}$/;

export interface FollowOptions {
  merchantId: string;
  livemode: boolean;
  /** Resume after this entry (EventSource's Last-Event-ID). */
  after?: string | null;
  signal: AbortSignal;
  /** Called between reads; false ends the stream (session gone, too old). */
  stillAllowed: () => Promise<boolean>;
  onEvent: (event: LiveEvent) => void;
  onIdle: () => void;
  /** How long each XREAD blocks (BLOCK_MS; tests shorten it). */
  blockMs?: number;
}

/**
 * Each follower holds its own Redis connection (XREAD BLOCK): at most this many
 * per app process; the route answers 503 beyond it and pages simply stop
 * updating live (LIVE_STREAMS_PER_PROCESS).
 */
let following = 0;

export function canFollowAnother(limit = env.LIVE_STREAMS_PER_PROCESS): boolean {
  return following < limit;
}

/** Streams this process follows right now. */
export const liveFollowers = () => following;

/** Follows the merchant's stream until the signal aborts or stillAllowed says no. */
export async function followEventStream(options: FollowOptions): Promise<void> {
  following++;
  try {
    await follow(options);
  } finally {
    following--;
  }
}

async function follow(options: FollowOptions): Promise<void> {
  const connection = new Redis(env.REDIS_URL, {
    keyPrefix: env.REDIS_KEY_PREFIX,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    lazyConnect: true,
  });
  connection.on('error', (err: Error) => log.debug('live stream redis error', { err: err.message }));
  const close = () => connection.disconnect();
  options.signal.addEventListener('abort', close, { once: true });
  const key = eventStreamKey(options.merchantId);
  let last = options.after && ENTRY_ID.test(options.after) ? options.after : '$';
  try {
    await connection.connect();
    while (!options.signal.aborted) {
      const reply = await connection.xread(
        'COUNT',
        100,
        'BLOCK',
        options.blockMs ?? BLOCK_MS,
        'STREAMS',
        key,
        last,
      );
      if (options.signal.aborted) break;
      const entries = reply?.[0]?.[1] ?? [];
      for (const [entryId, fields] of entries) {
        last = entryId;
        const event = parseEntry(entryId, fields);
        // The stream holds both modes; the page shows one.
        if (event && event.livemode === options.livemode) options.onEvent(event);
      }
      if (entries.length === 0) options.onIdle();
      if (!(await options.stillAllowed())) break;
    }
  } catch (err) {
    if (!options.signal.aborted) log.warn('live stream ended', { err: (err as Error).message });
  } finally {
    options.signal.removeEventListener('abort', close);
    close();
  }
}
