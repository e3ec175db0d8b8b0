import type Redis from 'ioredis';
import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { clock } from '@/lib/clock';
import { log } from '@/lib/log';
import type { Window } from './rate-limit-policy';

/**
 * Sliding-window counters (the weighted sum of the current and previous fixed
 * windows, as Cloudflare and Redis's own docs describe) in Redis under the
 * seed's key `rate_limit:{api_key}:{endpoint}:{window}`, where {window} is the
 * window's start in Unix seconds. One Lua call checks every window of a policy
 * and counts the request only if all of them have room, so a refused request
 * costs no budget.
 *
 * When Redis cannot answer, the same algorithm runs in this process's memory:
 * the limit then holds per process rather than per cluster. Never unlimited,
 * and never an outage.
 */
export interface RateLimitResult {
  allowed: boolean;
  /** The tightest window's limit and what is left of it. */
  limit: number;
  remaining: number;
  /** Seconds until a refused request may be retried (0 when allowed). */
  retryAfter: number;
  /** Seconds until the tightest window resets. */
  reset: number;
}

// KEYS: pairs of (current, previous) window counters. ARGV: now_ms, then per
// window its length in ms and its limit. Returns {allowed, index of the
// tightest window, its weighted count before this request}.
const SCRIPT = `
local now = tonumber(ARGV[1])
local n = #KEYS / 2
local counts = {}
local tightest, tightestRoom = 1, nil
for i = 1, n do
  local len = tonumber(ARGV[2 * i])
  local limit = tonumber(ARGV[2 * i + 1])
  local cur = tonumber(redis.call('GET', KEYS[2 * i - 1]) or '0')
  local prev = tonumber(redis.call('GET', KEYS[2 * i]) or '0')
  local elapsed = now % len
  local weighted = prev * (len - elapsed) / len + cur
  counts[i] = weighted
  local room = limit - weighted
  if tightestRoom == nil or room < tightestRoom then tightest, tightestRoom = i, room end
end
if tightestRoom < 1 then return {0, tightest, tostring(counts[tightest])} end
for i = 1, n do
  local len = tonumber(ARGV[2 * i])
  redis.call('INCR', KEYS[2 * i - 1])
  redis.call('PEXPIRE', KEYS[2 * i - 1], len * 2)
end
return {1, tightest, tostring(counts[tightest])}
`;

type ScriptedRedis = Redis & { slidingWindow(...args: (string | number)[]): Promise<unknown> };

/** The script as a command: ioredis sends it by SHA (EVALSHA), loading it once per connection. */
function withScript(client: Redis): ScriptedRedis {
  const scripted = client as ScriptedRedis;
  if (typeof scripted.slidingWindow !== 'function') client.defineCommand('slidingWindow', { lua: SCRIPT });
  return scripted;
}

interface WindowState {
  start: number;
  current: number;
  previous: number;
}
const local = new Map<string, WindowState>();

function windowStart(nowMs: number, seconds: number): number {
  return Math.floor(nowMs / 1000 / seconds) * seconds;
}

function result(allowed: boolean, w: Window, weighted: number, nowMs: number): RateLimitResult {
  const lenMs = w.seconds * 1000;
  const reset = Math.max(1, Math.ceil((lenMs - (nowMs % lenMs)) / 1000));
  return {
    allowed,
    limit: w.limit,
    remaining: Math.max(0, Math.floor(w.limit - weighted - (allowed ? 1 : 0))),
    retryAfter: allowed ? 0 : reset,
    reset,
  };
}

async function checkRedis(
  client: Redis,
  apiKeyId: string,
  endpoint: string,
  windows: Window[],
  nowMs: number,
) {
  const keyList: string[] = [];
  const args: (string | number)[] = [nowMs];
  for (const w of windows) {
    const start = windowStart(nowMs, w.seconds);
    keyList.push(
      keys.rateLimit(apiKeyId, endpoint, start),
      keys.rateLimit(apiKeyId, endpoint, start - w.seconds),
    );
    args.push(w.seconds * 1000, w.limit);
  }
  const [allowed, index, weighted] = (await withScript(client).slidingWindow(
    keyList.length,
    ...keyList,
    ...args,
  )) as [number, number, string];
  return result(allowed === 1, windows[index - 1]!, Number(weighted), nowMs);
}

function checkLocal(apiKeyId: string, endpoint: string, windows: Window[], nowMs: number) {
  const states = windows.map((w) => {
    const id = `${apiKeyId}:${endpoint}:${w.seconds}`;
    const start = windowStart(nowMs, w.seconds);
    let s = local.get(id);
    if (!s || s.start < start - w.seconds) s = { start, current: 0, previous: 0 };
    else if (s.start < start) s = { start, current: 0, previous: s.current };
    local.set(id, s);
    const lenMs = w.seconds * 1000;
    const weighted = (s.previous * (lenMs - (nowMs % lenMs))) / lenMs + s.current;
    return { w, s, weighted, room: w.limit - weighted };
  });
  const tightest = states.reduce((a, b) => (b.room < a.room ? b : a));
  if (tightest.room < 1) return result(false, tightest.w, tightest.weighted, nowMs);
  for (const st of states) st.s.current++;
  return result(true, tightest.w, tightest.weighted, nowMs);
}

export async function checkRateLimit(
  apiKeyId: string,
  endpoint: string,
  windows: Window[],
  /** Tests pass a client that cannot connect, to prove the fallback. */
  client: Redis = redis(),
): Promise<RateLimitResult> {
  const nowMs = clock.nowMs();
  try {
    return await checkRedis(client, apiKeyId, endpoint, windows, nowMs);
  } catch (err) {
    log.warn('rate limiter: Redis unavailable, limiting per process', { err: (err as Error).message });
    return checkLocal(apiKeyId, endpoint, windows, nowMs);
  }
}

/** Test hook: forget the per-process fallback's counters. */
export function resetLocalRateLimitsForTests(): void {
  local.clear();
}
