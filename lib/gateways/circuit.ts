/**
 * The health and circuit breaker of one gateway as a flat hash of strings: the
 * exact shape kept in Redis under `gateway:health:<gateway>` (lib/gateways/health.ts
 * runs the same rules there as Lua scripts), and in this process's memory when
 * Redis cannot answer. These pure functions are the per-process implementation
 * and the reference the scripts mirror.
 *
 * Fields: `state` (closed | open | half_open), `opened_at`, `probe_at`,
 * `last_failure_at`, `last_success_at` (epoch ms), and per time bucket
 * `c:<start>` calls, `f:<start>` failures, `l:<start>` summed latency (ms).
 */
export const CIRCUIT_POLICY = {
  /** Rolling window of the success rate and latency. */
  windowMs: 5 * 60_000,
  bucketMs: 60_000,
  /** The circuit opens when the window holds at least this many calls... */
  minCalls: 5,
  /** ...and at least this share of them failed. */
  failureThreshold: 0.5,
  /** How long an open circuit refuses calls before letting one probe through. */
  cooldownMs: 30_000,
  /** A half-open probe that never reported is presumed lost after this; another may go. */
  probeTimeoutMs: 10_000,
} as const;

export type CircuitState = 'closed' | 'open' | 'half_open';
export type HealthHash = Record<string, string>;

export interface Admission {
  allowed: boolean;
  state: CircuitState;
  /** Epoch ms of the gateway's last failure (0 if none): picks the gateway to force when all are open. */
  lastFailureAt: number;
}

const num = (h: HealthHash, field: string) => Number(h[field] ?? 0);
export const stateOf = (h: HealthHash): CircuitState => (h.state as CircuitState | undefined) ?? 'closed';

/** May a call go to this gateway now? Moves open → half_open after the cooldown (this caller is the probe). */
export function admit(h: HealthHash, now: number): Admission {
  const state = stateOf(h);
  const lastFailureAt = num(h, 'last_failure_at');
  if (state === 'closed') return { allowed: true, state, lastFailureAt };
  if (state === 'open') {
    if (now - num(h, 'opened_at') < CIRCUIT_POLICY.cooldownMs)
      return { allowed: false, state, lastFailureAt };
    h.state = 'half_open';
    h.probe_at = String(now);
    return { allowed: true, state: 'half_open', lastFailureAt };
  }
  if (now - num(h, 'probe_at') < CIRCUIT_POLICY.probeTimeoutMs)
    return { allowed: false, state, lastFailureAt };
  h.probe_at = String(now);
  return { allowed: true, state, lastFailureAt };
}

const bucketField = /^([cfl]):(\d+)$/;

function prune(h: HealthHash, now: number): void {
  for (const field of Object.keys(h)) {
    const m = bucketField.exec(field);
    if (m && Number(m[2]) <= now - CIRCUIT_POLICY.windowMs) delete h[field];
  }
}

function add(h: HealthHash, field: string, by: number): void {
  h[field] = String(num(h, field) + by);
}

export function windowTotals(h: HealthHash, now: number) {
  const totals = { calls: 0, failures: 0, latencySum: 0 };
  for (const [field, value] of Object.entries(h)) {
    const m = bucketField.exec(field);
    if (!m || Number(m[2]) <= now - CIRCUIT_POLICY.windowMs) continue;
    const key = m[1] === 'c' ? 'calls' : m[1] === 'f' ? 'failures' : 'latencySum';
    totals[key] += Number(value);
  }
  return totals;
}

/**
 * Counts one call. A failure (the gateway erred) can open the circuit: at once
 * when it was half-open or open, or when the window crosses the threshold. A
 * success (approved, declined or requires_action: the gateway worked) closes
 * it and starts a fresh window, so old failures cannot reopen it at once.
 */
export function record(h: HealthHash, now: number, ok: boolean, latencyMs: number): CircuitState {
  prune(h, now);
  const state = stateOf(h);
  if (ok && state !== 'closed') {
    for (const field of Object.keys(h)) if (bucketField.test(field)) delete h[field];
    h.state = 'closed';
    delete h.opened_at;
    delete h.probe_at;
  }
  const bucket = now - (now % CIRCUIT_POLICY.bucketMs);
  add(h, `c:${bucket}`, 1);
  if (!ok) add(h, `f:${bucket}`, 1);
  add(h, `l:${bucket}`, Math.max(0, Math.round(latencyMs)));
  if (ok) {
    h.last_success_at = String(now);
    return 'closed';
  }
  h.last_failure_at = String(now);
  const { calls, failures } = windowTotals(h, now);
  if (
    state !== 'closed' ||
    (calls >= CIRCUIT_POLICY.minCalls && failures / calls >= CIRCUIT_POLICY.failureThreshold)
  ) {
    h.state = 'open';
    h.opened_at = String(now);
    delete h.probe_at;
    return 'open';
  }
  return state;
}

export interface GatewayHealth {
  gateway: string;
  circuit: CircuitState;
  /** Calls in the rolling window. */
  calls: number;
  failures: number;
  /** Share of calls in the window that did not fail (null without calls). */
  successRate: number | null;
  avgLatencyMs: number | null;
  openedAt: string | null;
  lastFailureAt: string | null;
  /** Where this came from: Redis (shared by every process) or this process only (Redis unreachable). */
  source: 'redis' | 'process';
}

const iso = (ms: number) => (ms > 0 ? new Date(ms).toISOString() : null);

export function summarize(
  gateway: string,
  h: HealthHash,
  now: number,
  source: GatewayHealth['source'],
): GatewayHealth {
  const { calls, failures, latencySum } = windowTotals(h, now);
  const state = stateOf(h);
  return {
    gateway,
    circuit: state,
    calls,
    failures,
    successRate: calls ? Math.round(((calls - failures) / calls) * 10_000) / 10_000 : null,
    avgLatencyMs: calls ? Math.round(latencySum / calls) : null,
    openedAt: state === 'closed' ? null : iso(num(h, 'opened_at')),
    lastFailureAt: iso(num(h, 'last_failure_at')),
    source,
  };
}
