import { randomBytes } from 'node:crypto';
import { keys, ttl } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { clock } from '@/lib/clock';
import { env } from '@/lib/env';
import type { RequestContext } from './request-context';

/**
 * Dashboard sessions live in Redis (seed 000: `session:<id>`, a JSON value, 24 h
 * absolute lifetime), with a per-user set of ids so that "sign out everywhere",
 * revocation on password change and the session list work. The browser holds
 * only a signed cookie naming the session id; deleting the key signs it out on
 * its next request. A new id is issued at every sign-in.
 *
 * Redis is volatile here: if it restarts, everyone signs in again — acceptable
 * for sessions, and nothing else depends on them.
 */
export type Mode = 'test' | 'live';

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  ip: string;
  userAgent: string;
  /** The merchant the dashboard is showing, when the user belongs to several. */
  merchantId: string | null;
  mode: Mode;
  /** Per-session token every state-changing dashboard request must carry. */
  csrfToken: string;
}

export class SessionStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('session store unavailable', { cause });
  }
}

/** Redis errors become one typed error so pages can say "temporarily unavailable". */
async function store<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw new SessionStoreUnavailableError(err);
  }
}

const idleMs = () => env.SESSION_IDLE_MINUTES * 60_000;
// Writing lastSeenAt on every request would double Redis traffic for nothing:
// the idle timeout is minutes, so a minute's precision is plenty.
const TOUCH_INTERVAL_MS = 60_000;

const newId = () => randomBytes(32).toString('base64url');

async function write(record: SessionRecord, now: number): Promise<void> {
  const seconds = Math.max(1, Math.ceil((record.expiresAt - now) / 1000));
  await redis()
    .multi()
    .set(keys.session(record.id), JSON.stringify(record), 'EX', seconds)
    .sadd(keys.userSessions(record.userId), record.id)
    .expire(keys.userSessions(record.userId), ttl.session)
    .exec();
}

export async function createSession(
  input: { userId: string; merchantId: string | null; mode?: Mode },
  context: RequestContext,
  now = clock.nowMs(),
): Promise<SessionRecord> {
  const record: SessionRecord = {
    id: newId(),
    userId: input.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + ttl.session * 1000,
    ip: context.ip,
    userAgent: context.userAgent,
    merchantId: input.merchantId,
    mode: input.mode ?? 'test',
    csrfToken: randomBytes(32).toString('base64url'),
  };
  await store(() => write(record, now));
  return record;
}

async function read(id: string): Promise<SessionRecord | null> {
  const raw = await redis().get(keys.session(id));
  return raw ? (JSON.parse(raw) as SessionRecord) : null;
}

/**
 * The live session for an id, or null when it was revoked, has expired, or has
 * been idle too long (then it is revoked on the spot). Touches lastSeenAt.
 */
export async function getSession(id: string, now = clock.nowMs()): Promise<SessionRecord | null> {
  return store(async () => {
    const record = await read(id);
    if (!record) return null;
    if (now >= record.expiresAt || now - record.lastSeenAt > idleMs()) {
      await revoke(record);
      return null;
    }
    if (now - record.lastSeenAt >= TOUCH_INTERVAL_MS) {
      record.lastSeenAt = now;
      await write(record, now);
    }
    return record;
  });
}

/**
 * The live session for an id, without touching lastSeenAt: for background
 * requests (the dashboard's live-update stream) that must not keep an idle
 * session alive. Null when revoked, expired or idle too long.
 */
export async function peekSession(id: string, now = clock.nowMs()): Promise<SessionRecord | null> {
  return store(async () => {
    const record = await read(id);
    if (!record || now >= record.expiresAt || now - record.lastSeenAt > idleMs()) return null;
    return record;
  });
}

export async function updateSession(
  id: string,
  patch: Partial<Pick<SessionRecord, 'merchantId' | 'mode'>>,
  now = clock.nowMs(),
): Promise<SessionRecord | null> {
  return store(async () => {
    const record = await read(id);
    if (!record) return null;
    const next = { ...record, ...patch, lastSeenAt: now };
    await write(next, now);
    return next;
  });
}

async function revoke(record: Pick<SessionRecord, 'id' | 'userId'>): Promise<void> {
  await redis().multi().del(keys.session(record.id)).srem(keys.userSessions(record.userId), record.id).exec();
}

export async function revokeSession(userId: string, id: string): Promise<boolean> {
  return store(async () => {
    const member = await redis().sismember(keys.userSessions(userId), id);
    // Only the owner's own sessions: an id of someone else's session is "not found".
    if (!member) return false;
    await revoke({ id, userId });
    return true;
  });
}

/** Lists a user's live sessions, newest activity first; prunes ids whose key expired. */
export async function listSessions(userId: string, now = clock.nowMs()): Promise<SessionRecord[]> {
  return store(async () => {
    const ids = await redis().smembers(keys.userSessions(userId));
    if (!ids.length) return [];
    const values = await redis().mget(ids.map((id) => keys.session(id)));
    const live: SessionRecord[] = [];
    const stale: string[] = [];
    values.forEach((raw, i) => {
      const record = raw ? (JSON.parse(raw) as SessionRecord) : null;
      if (record && now < record.expiresAt && now - record.lastSeenAt <= idleMs()) live.push(record);
      else stale.push(ids[i]!);
    });
    if (stale.length) await redis().srem(keys.userSessions(userId), ...stale);
    return live.sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  });
}

/** Revokes every session of a user except `keepId`; returns how many ended. */
export async function revokeAllSessions(userId: string, keepId?: string): Promise<number> {
  return store(async () => {
    const ids = (await redis().smembers(keys.userSessions(userId))).filter((id) => id !== keepId);
    if (!ids.length) return 0;
    await redis()
      .multi()
      .del(...ids.map((id) => keys.session(id)))
      .srem(keys.userSessions(userId), ...ids)
      .exec();
    return ids.length;
  });
}
