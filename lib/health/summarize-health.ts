import type { SearchBackend } from '@/lib/search/backend';

/** The shapes of GET /api/health, and the one rule that turns check results into a verdict. */

export interface CheckResult {
  status: 'up' | 'down';
  latency_ms: number;
  /** A short generic reason (e.g. "connection refused"); never a driver message, which can carry hosts or credentials. */
  error?: string;
}

export interface SearchCheckResult extends CheckResult {
  backend: SearchBackend;
}

export interface HealthChecks {
  postgres: CheckResult;
  redis: CheckResult;
  search: SearchCheckResult;
}

export type HealthStatus = 'ok' | 'degraded' | 'down';

/** One payment gateway as GET /api/health shows it (lib/gateways/health.ts). */
export interface GatewayHealthReport {
  circuit: 'closed' | 'open' | 'half_open';
  /** Over the rolling window; null when the window holds no calls. */
  success_rate: number | null;
  avg_latency_ms: number | null;
  calls: number;
  failures: number;
  /** `process` when Redis is unreachable and this is one process's view. */
  source: 'redis' | 'process';
}

export interface HealthReport {
  status: HealthStatus;
  checks: HealthChecks;
  /**
   * Shown, never part of the verdict: an unhealthy gateway is routed around
   * (circuit breaker, failover), so it must not take the instance out of rotation.
   */
  gateways?: Record<string, GatewayHealthReport>;
  version?: string;
}

export interface HealthVerdict {
  status: HealthStatus;
  httpStatus: 200 | 503;
}

/**
 * PostgreSQL is the system of record: without it no payment can be taken or read,
 * so the instance is down and load balancers should route around it (503).
 * Redis and Elasticsearch have fallbacks (PostgreSQL for reads and search, a
 * per-process limiter for rate limits), so losing them degrades the service but
 * it still answers; a 503 there would take a working instance out of rotation.
 */
export function summarizeHealth(checks: HealthChecks): HealthVerdict {
  if (checks.postgres.status === 'down') return { status: 'down', httpStatus: 503 };
  if (checks.redis.status === 'down' || checks.search.status === 'down') {
    return { status: 'degraded', httpStatus: 200 };
  }
  return { status: 'ok', httpStatus: 200 };
}
