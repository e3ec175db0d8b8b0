import type Redis from 'ioredis';
import { keys, ttl } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { clock } from '@/lib/clock';
import { log } from '@/lib/log';
import {
  admit,
  CIRCUIT_POLICY,
  record,
  summarize,
  type Admission,
  type CircuitState,
  type GatewayHealth,
  type HealthHash,
} from './circuit';
import { GATEWAY_NAMES } from './registry';

/**
 * Gateway health in Redis (seed 001 `gateway:health:<gateway>`, 30 minutes
 * after the last write): rolling success rate and latency, and the circuit
 * breaker, shared by every app process and the worker. The rules are in
 * ./circuit.ts; here each runs as one Lua script (loaded once per connection
 * with defineCommand), so concurrent calls cannot interleave a read and a write.
 *
 * When Redis cannot answer, the same rules run on this process's own copy: the
 * breaker then protects per process instead of per cluster. Never an outage.
 */
export interface HealthOptions {
  /** Tests pass a client that cannot connect, to prove the fallback. */
  client?: Redis;
}

const TTL_MS = ttl.gatewayHealth * 1000;

// KEYS[1]: the hash. ARGV: now, cooldownMs, probeTimeoutMs, ttlMs. Returns {allowed, state, last_failure_at}.
const ADMIT = `
local h, now = KEYS[1], tonumber(ARGV[1])
local state = redis.call('HGET', h, 'state') or 'closed'
local lastFailure = redis.call('HGET', h, 'last_failure_at') or '0'
if state == 'closed' then return {1, state, lastFailure} end
if state == 'open' then
  if now - tonumber(redis.call('HGET', h, 'opened_at') or '0') < tonumber(ARGV[2]) then
    return {0, state, lastFailure}
  end
  redis.call('HSET', h, 'state', 'half_open', 'probe_at', ARGV[1])
  redis.call('PEXPIRE', h, ARGV[4])
  return {1, 'half_open', lastFailure}
end
if now - tonumber(redis.call('HGET', h, 'probe_at') or '0') < tonumber(ARGV[3]) then
  return {0, state, lastFailure}
end
redis.call('HSET', h, 'probe_at', ARGV[1])
redis.call('PEXPIRE', h, ARGV[4])
return {1, state, lastFailure}
`;

// KEYS[1]: the hash. ARGV: now, ok (1|0), latencyMs, bucketMs, windowMs, minCalls,
// failureThreshold, ttlMs. Returns the state after the call.
const RECORD = `
local h, now = KEYS[1], tonumber(ARGV[1])
local ok, latency = ARGV[2] == '1', tonumber(ARGV[3])
local bucketMs, windowMs = tonumber(ARGV[4]), tonumber(ARGV[5])
local function buckets(fn)
  for _, f in ipairs(redis.call('HKEYS', h)) do
    local kind, start = string.match(f, '^([cfl]):(%d+)$')
    if kind then fn(f, kind, tonumber(start)) end
  end
end
buckets(function(f, _, start) if start <= now - windowMs then redis.call('HDEL', h, f) end end)
local state = redis.call('HGET', h, 'state') or 'closed'
if ok and state ~= 'closed' then
  buckets(function(f) redis.call('HDEL', h, f) end)
  redis.call('HSET', h, 'state', 'closed')
  redis.call('HDEL', h, 'opened_at', 'probe_at')
end
local bucket = now - (now % bucketMs)
redis.call('HINCRBY', h, 'c:' .. bucket, 1)
if not ok then redis.call('HINCRBY', h, 'f:' .. bucket, 1) end
redis.call('HINCRBY', h, 'l:' .. bucket, latency)
redis.call('PEXPIRE', h, ARGV[8])
if ok then
  redis.call('HSET', h, 'last_success_at', ARGV[1])
  return 'closed'
end
redis.call('HSET', h, 'last_failure_at', ARGV[1])
local calls, failures = 0, 0
buckets(function(f, kind, start)
  if start > now - windowMs then
    local v = tonumber(redis.call('HGET', h, f))
    if kind == 'c' then calls = calls + v elseif kind == 'f' then failures = failures + v end
  end
end)
if state ~= 'closed' or (calls >= tonumber(ARGV[6]) and failures / calls >= tonumber(ARGV[7])) then
  redis.call('HSET', h, 'state', 'open', 'opened_at', ARGV[1])
  redis.call('HDEL', h, 'probe_at')
  return 'open'
end
return state
`;

type ScriptedRedis = Redis & {
  gatewayAdmit(key: string, ...args: (string | number)[]): Promise<[number, string, string]>;
  gatewayRecord(key: string, ...args: (string | number)[]): Promise<string>;
};

function withScripts(client: Redis): ScriptedRedis {
  const scripted = client as ScriptedRedis;
  if (typeof scripted.gatewayAdmit !== 'function') {
    client.defineCommand('gatewayAdmit', { numberOfKeys: 1, lua: ADMIT });
    client.defineCommand('gatewayRecord', { numberOfKeys: 1, lua: RECORD });
  }
  return scripted;
}

const local = new Map<string, HealthHash>();
const localHash = (gateway: string) => {
  let h = local.get(gateway);
  if (!h) local.set(gateway, (h = {}));
  return h;
};

function fallback(what: string, gateway: string, err: unknown): void {
  log.warn(`gateway health: Redis unavailable for ${what}, using this process's copy`, {
    gateway,
    err: (err as Error).message,
  });
}

/** Asks the circuit breaker whether a call may go to `gateway` now. */
export async function admitCall(gateway: string, options: HealthOptions = {}): Promise<Admission> {
  const now = clock.nowMs();
  try {
    const [allowed, state, lastFailureAt] = await withScripts(options.client ?? redis()).gatewayAdmit(
      keys.gatewayHealth(gateway),
      now,
      CIRCUIT_POLICY.cooldownMs,
      CIRCUIT_POLICY.probeTimeoutMs,
      TTL_MS,
    );
    return { allowed: allowed === 1, state: state as CircuitState, lastFailureAt: Number(lastFailureAt) };
  } catch (err) {
    fallback('admission', gateway, err);
    return admit(localHash(gateway), now);
  }
}

/**
 * Counts one finished call. `ok` is false only when the gateway erred
 * (outcome `error`); a decline is the gateway working.
 */
export async function recordCall(
  gateway: string,
  ok: boolean,
  latencyMs: number,
  options: HealthOptions = {},
): Promise<CircuitState> {
  const now = clock.nowMs();
  try {
    const state = await withScripts(options.client ?? redis()).gatewayRecord(
      keys.gatewayHealth(gateway),
      now,
      ok ? 1 : 0,
      Math.max(0, Math.round(latencyMs)),
      CIRCUIT_POLICY.bucketMs,
      CIRCUIT_POLICY.windowMs,
      CIRCUIT_POLICY.minCalls,
      CIRCUIT_POLICY.failureThreshold,
      TTL_MS,
    );
    return state as CircuitState;
  } catch (err) {
    fallback('recording', gateway, err);
    return record(localHash(gateway), now, ok, latencyMs);
  }
}

/** Every gateway's health, for display (GET /api/health). */
export async function gatewayHealth(options: HealthOptions = {}): Promise<GatewayHealth[]> {
  const now = clock.nowMs();
  const client = options.client ?? redis();
  return Promise.all(
    GATEWAY_NAMES.map(async (gateway) => {
      try {
        return summarize(gateway, await client.hgetall(keys.gatewayHealth(gateway)), now, 'redis');
      } catch {
        return summarize(gateway, localHash(gateway), now, 'process');
      }
    }),
  );
}

/** Operator and test hook: forget a gateway's health (closes its circuit), in Redis and in this process. */
export async function resetGatewayHealth(gateway: string, options: HealthOptions = {}): Promise<void> {
  local.delete(gateway);
  try {
    await (options.client ?? redis()).del(keys.gatewayHealth(gateway));
  } catch (err) {
    fallback('reset', gateway, err);
  }
}

/** Test hook: forget the per-process fallback's state. */
export function resetLocalGatewayHealthForTests(): void {
  local.clear();
}
