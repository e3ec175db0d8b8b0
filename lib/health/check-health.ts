import { redis } from '@/lib/cache/redis';
import { db } from '@/lib/db/client';
import { gatewayHealth } from '@/lib/gateways/health';
import { log } from '@/lib/log';
import { pingElasticsearch, searchBackend } from '@/lib/search/backend';
import pkg from '@/package.json';
import { CHECK_TIMEOUT_MS, runCheck } from './run-check';
import { summarizeHealth, type GatewayHealthReport, type HealthReport } from './summarize-health';

export interface HealthResult {
  httpStatus: 200 | 503;
  report: HealthReport;
}

/** Probes every dependency in parallel, each against its own deadline, and decides the verdict. */
export async function checkHealth(): Promise<HealthResult> {
  const backend = searchBackend();
  const [postgres, redisCheck, elastic, gateways] = await Promise.all([
    runCheck(() => db().$queryRaw`SELECT 1`, { onFailure: logFailure('postgres') }),
    runCheck(() => redis().ping(), { onFailure: logFailure('redis') }),
    backend === 'elasticsearch'
      ? runCheck((signal) => pingElasticsearch(signal), { onFailure: logFailure('elasticsearch') })
      : undefined,
    gatewaysReport(),
  ]);
  // Without Elasticsearch, search is a PostgreSQL query: it is exactly as healthy as the database.
  const search = { backend, ...(elastic ?? postgres) };
  const checks = { postgres, redis: redisCheck, search };
  const { status, httpStatus } = summarizeHealth(checks);
  return { httpStatus, report: { status, checks, gateways, version: pkg.version } };
}

/**
 * The gateways' health for display. It has its own Redis fallback (this
 * process's view); the deadline only keeps a hanging Redis from holding the
 * endpoint, in which case the gateways are left out of the report.
 */
async function gatewaysReport(): Promise<Record<string, GatewayHealthReport> | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), CHECK_TIMEOUT_MS);
  });
  try {
    const health = await Promise.race([gatewayHealth(), deadline]);
    if (!health) return undefined;
    return Object.fromEntries(
      health.map((g) => [
        g.gateway,
        {
          circuit: g.circuit,
          success_rate: g.successRate,
          avg_latency_ms: g.avgLatencyMs,
          calls: g.calls,
          failures: g.failures,
          source: g.source,
        },
      ]),
    );
  } catch (err) {
    log.warn('gateway health unavailable', { err: describeError(err) });
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

function logFailure(check: string) {
  return (err: unknown) => log.warn('health check failed', { check, error: describeError(err) });
}

/** The driver's own message is for operators, but a URL in it may carry a password. */
function describeError(err: unknown): string {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return message.replace(/\/\/[^/\s@]*@/g, '//[redacted]@');
}
