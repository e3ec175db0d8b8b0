import { redis } from '@/lib/cache/redis';
import { db } from '@/lib/db/client';
import { log } from '@/lib/log';
import { pingElasticsearch, searchBackend } from '@/lib/search/backend';
import pkg from '@/package.json';
import { runCheck } from './run-check';
import { summarizeHealth, type HealthReport } from './summarize-health';

export interface HealthResult {
  httpStatus: 200 | 503;
  report: HealthReport;
}

/** Probes every dependency in parallel, each against its own deadline, and decides the verdict. */
export async function checkHealth(): Promise<HealthResult> {
  const backend = searchBackend();
  const [postgres, redisCheck, elastic] = await Promise.all([
    runCheck(() => db().$queryRaw`SELECT 1`, { onFailure: logFailure('postgres') }),
    runCheck(() => redis().ping(), { onFailure: logFailure('redis') }),
    backend === 'elasticsearch'
      ? runCheck((signal) => pingElasticsearch(signal), { onFailure: logFailure('elasticsearch') })
      : undefined,
  ]);
  // Without Elasticsearch, search is a PostgreSQL query: it is exactly as healthy as the database.
  const search = { backend, ...(elastic ?? postgres) };
  const checks = { postgres, redis: redisCheck, search };
  const { status, httpStatus } = summarizeHealth(checks);
  return { httpStatus, report: { status, checks, version: pkg.version } };
}

function logFailure(check: string) {
  return (err: unknown) => log.warn('health check failed', { check, error: describeError(err) });
}

/** The driver's own message is for operators, but a URL in it may carry a password. */
function describeError(err: unknown): string {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return message.replace(/\/\/[^/\s@]*@/g, '//[redacted]@');
}
