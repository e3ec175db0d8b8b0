import { describe, expect, it } from 'vitest';
import { summarizeHealth, type CheckResult, type HealthChecks } from './summarize-health';

const up: CheckResult = { status: 'up', latency_ms: 3 };
const down: CheckResult = { status: 'down', latency_ms: 2000, error: 'timed out after 2000 ms' };

function checks(
  overrides: { postgres?: CheckResult; redis?: CheckResult; search?: CheckResult } = {},
): HealthChecks {
  return {
    postgres: overrides.postgres ?? up,
    redis: overrides.redis ?? up,
    search: { backend: 'elasticsearch', ...(overrides.search ?? up) },
  };
}

describe('summarizeHealth', () => {
  it('is ok with 200 when every dependency is up', () => {
    expect(summarizeHealth(checks())).toEqual({ status: 'ok', httpStatus: 200 });
  });

  it('is down with 503 when PostgreSQL is down', () => {
    expect(summarizeHealth(checks({ postgres: down }))).toEqual({ status: 'down', httpStatus: 503 });
  });

  it('stays down with 503 when PostgreSQL and everything else are down', () => {
    expect(summarizeHealth(checks({ postgres: down, redis: down, search: down }))).toEqual({
      status: 'down',
      httpStatus: 503,
    });
  });

  it('is degraded but still 200 when Redis is down', () => {
    expect(summarizeHealth(checks({ redis: down }))).toEqual({ status: 'degraded', httpStatus: 200 });
  });

  it('is degraded but still 200 when Elasticsearch is down', () => {
    expect(summarizeHealth(checks({ search: down }))).toEqual({ status: 'degraded', httpStatus: 200 });
  });

  it('is down when search runs on PostgreSQL and mirrors its outage', () => {
    const result = summarizeHealth({ postgres: down, redis: up, search: { backend: 'postgres', ...down } });
    expect(result).toEqual({ status: 'down', httpStatus: 503 });
  });
});
