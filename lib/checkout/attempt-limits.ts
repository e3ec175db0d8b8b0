import type Redis from 'ioredis';
import { checkoutFailurePolicy, type CheckoutFailurePolicy } from '@/lib/api/rate-limit-policy';
import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { clock } from '@/lib/clock';
import { log } from '@/lib/log';

/**
 * Card-testing protection for hosted checkout: failed pay attempts per
 * session and per client IP, in the same sliding window as the /v1 limiter
 * (lib/api/rate-limit.ts: the current fixed window plus the previous one
 * weighted by how much of it still overlaps). Unlike the /v1 limiter this
 * counts only failures, and looks before it counts: `blockedFor` is asked
 * before anything is tried, `recordFailure` after an attempt failed.
 *
 * When Redis cannot answer, counters live in this process's memory (per
 * process rather than per cluster, never unlimited), as the /v1 limiter does.
 */
export interface AttemptSubject {
  sessionId: string;
  clientIp: string | null;
}

interface Counter {
  kind: 'session' | 'ip';
  id: string;
  limit: number;
}

function counters(subject: AttemptSubject, policy: CheckoutFailurePolicy): Counter[] {
  return [
    { kind: 'session', id: subject.sessionId, limit: policy.perSession },
    ...(subject.clientIp ? [{ kind: 'ip' as const, id: subject.clientIp, limit: policy.perIp }] : []),
  ];
}

const local = new Map<string, number>();

async function read(client: Redis, keyList: string[]): Promise<number[]> {
  try {
    const values = await client.mget(...keyList);
    return values.map((v) => Number(v ?? 0));
  } catch (err) {
    log.warn('checkout attempt limits: Redis unavailable, counting per process', {
      err: (err as Error).message,
    });
    return keyList.map((k) => local.get(k) ?? 0);
  }
}

/**
 * Seconds until the weighted count drops below `limit` without new failures
 * (0: not blocked). `previous` fades out linearly over the current window;
 * `current` becomes the next window's `previous`.
 */
export function secondsBlocked(
  previous: number,
  current: number,
  limit: number,
  lenS: number,
  elapsedS: number,
) {
  const weighted = (previous * (lenS - elapsedS)) / lenS + current;
  if (weighted < limit) return 0;
  if (current >= limit) {
    // The rest of this window, then until `current` has faded enough in the next.
    return Math.ceil(lenS - elapsedS + lenS * (1 - limit / current)) + 1;
  }
  return Math.max(1, Math.ceil(lenS - elapsedS - (lenS * (limit - current)) / previous) + 1);
}

/** Seconds the subject must wait before another attempt (0: it may try now). */
export async function blockedFor(
  subject: AttemptSubject,
  policy: CheckoutFailurePolicy = checkoutFailurePolicy(),
  client: Redis = redis(),
): Promise<number> {
  const nowS = clock.nowMs() / 1000;
  const len = policy.windowSeconds;
  const start = Math.floor(nowS / len) * len;
  const list = counters(subject, policy);
  const keyList = list.flatMap((c) => [
    keys.checkoutFailures(c.kind, c.id, start),
    keys.checkoutFailures(c.kind, c.id, start - len),
  ]);
  const values = await read(client, keyList);
  return Math.max(
    0,
    ...list.map((c, i) => secondsBlocked(values[2 * i + 1]!, values[2 * i]!, c.limit, len, nowS - start)),
  );
}

/** Counts one failed attempt against the session and the IP. */
export async function recordFailure(
  subject: AttemptSubject,
  policy: CheckoutFailurePolicy = checkoutFailurePolicy(),
  client: Redis = redis(),
): Promise<void> {
  const len = policy.windowSeconds;
  const start = Math.floor(clock.nowMs() / 1000 / len) * len;
  const keyList = counters(subject, policy).map((c) => keys.checkoutFailures(c.kind, c.id, start));
  try {
    const multi = client.multi();
    for (const key of keyList) multi.incr(key).expire(key, len * 2);
    await multi.exec();
  } catch (err) {
    log.warn('checkout attempt limits: Redis unavailable, counting per process', {
      err: (err as Error).message,
    });
    // Bounded: the fallback is for an outage, not a second store.
    if (local.size > 50_000) local.clear();
    for (const key of keyList) local.set(key, (local.get(key) ?? 0) + 1);
  }
}

/** Test hook: forget the per-process fallback's counters. */
export function resetLocalAttemptLimitsForTests(): void {
  local.clear();
}
