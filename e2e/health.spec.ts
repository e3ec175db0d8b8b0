import { expect, test } from '@playwright/test';

test('GET /api/health reports PostgreSQL, Redis and the search backend with latencies', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  const body = (await response.json()) as {
    status: string;
    checks: Record<'postgres' | 'redis' | 'search', { status: string; latency_ms: number; backend?: string }>;
  };
  expect(body.status).toBe('ok');
  for (const name of ['postgres', 'redis', 'search'] as const) {
    expect(body.checks[name].status).toBe('up');
    expect(typeof body.checks[name].latency_ms).toBe('number');
  }
  // No Elasticsearch on this machine: search runs on PostgreSQL.
  expect(body.checks.search.backend).toBe('postgres');
});
