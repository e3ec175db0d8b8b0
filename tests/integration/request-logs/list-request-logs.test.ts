import { describe, expect, it } from 'vitest';
import { listRequestLogs, REQUEST_LOG_PAGE_SIZE } from '@/lib/request-logs/list-request-logs';
import type { RequestLogFilter } from '@/lib/request-logs/filters';
import { insertMerchant } from '@/tests/helpers/fixtures';
import { insertRequestLog, insertRequestLogs } from './helpers';

const T0 = new Date('2026-11-20T12:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function ids(merchantId: string, filter: RequestLogFilter = {}): Promise<string[]> {
  const page = await listRequestLogs(merchantId, 'test', filter);
  return page!.rows.map((r) => r.requestId);
}

describe('listRequestLogs', () => {
  it('newest first, with the columns the page shows', async () => {
    const m = await insertMerchant();
    const older = await insertRequestLog(m, { created_at: at(0) });
    const newer = await insertRequestLog(m, {
      created_at: at(5),
      method: 'POST',
      path: '/v1/customers/cus_1',
      status: 400,
      duration_ms: 37,
      key_prefix: 'sk_test_WxYz',
      error_type: 'invalid_request_error',
      error_code: 'parameter_unknown',
    });
    const page = await listRequestLogs(m, 'test', {});
    expect(page).toEqual({ rows: expect.any(Array), olderThan: null, newerThan: null });
    expect(page!.rows.map((r) => r.requestId)).toEqual([newer, older]);
    expect(page!.rows[0]).toEqual({
      requestId: newer,
      method: 'POST',
      path: '/v1/customers/cus_1',
      status: 400,
      durationMs: 37,
      keyPrefix: 'sk_test_WxYz',
      errorCode: 'parameter_unknown',
      createdAt: at(5),
    });
  });

  it('filters by status class, exact status, path prefix (literally) and method, combined', async () => {
    const m = await insertMerchant();
    const ok = await insertRequestLog(m, { created_at: at(1), status: 200 });
    const created = await insertRequestLog(m, { created_at: at(2), status: 201, method: 'POST' });
    const bad = await insertRequestLog(m, { created_at: at(3), status: 400, method: 'POST' });
    const missing = await insertRequestLog(m, {
      created_at: at(4),
      status: 404,
      path: '/v1/customers/cus_x',
      method: 'DELETE',
    });
    const broken = await insertRequestLog(m, { created_at: at(5), status: 500, path: '/v1/payment_intents' });
    const odd = await insertRequestLog(m, { created_at: at(6), status: 200, path: '/v1/cust%mers' });

    expect(await ids(m)).toEqual([odd, broken, missing, bad, created, ok]);
    expect(await ids(m, { statusClass: 'succeeded' })).toEqual([odd, created, ok]);
    expect(await ids(m, { statusClass: 'failed' })).toEqual([broken, missing, bad]);
    expect(await ids(m, { statusClass: '4xx' })).toEqual([missing, bad]);
    expect(await ids(m, { statusClass: '5xx' })).toEqual([broken]);
    expect(await ids(m, { status: 404 })).toEqual([missing]);
    expect(await ids(m, { statusClass: 'succeeded', status: 404 })).toEqual([]);
    expect(await ids(m, { pathPrefix: '/v1/customers' })).toEqual([missing, bad, created, ok]);
    expect(await ids(m, { pathPrefix: '/v1/customers/' })).toEqual([missing]);
    // `%` and `_` are not wildcards.
    expect(await ids(m, { pathPrefix: '/v1/cust%' })).toEqual([odd]);
    expect(await ids(m, { pathPrefix: '/v1/cust_' })).toEqual([]);
    expect(await ids(m, { method: 'POST' })).toEqual([bad, created]);
    expect(await ids(m, { method: 'POST', statusClass: 'failed', pathPrefix: '/v1/customers' })).toEqual([
      bad,
    ]);
  });

  it(`pages of ${REQUEST_LOG_PAGE_SIZE}, older and back newer, keeping the filter`, async () => {
    const m = await insertMerchant();
    const all = await insertRequestLogs(m, 120, at(1000));
    // Noise the filter leaves out, interleaved in time.
    await insertRequestLogs(m, 30, at(999.5), { status: 500 });

    const first = (await listRequestLogs(m, 'test', { statusClass: 'succeeded' }))!;
    expect(first.rows.map((r) => r.requestId)).toEqual(all.slice(0, 50));
    expect(first.newerThan).toBeNull();
    expect(first.olderThan).toBe(all[49]);

    const second = (await listRequestLogs(
      m,
      'test',
      { statusClass: 'succeeded' },
      {
        requestId: first.olderThan!,
        direction: 'older',
      },
    ))!;
    expect(second.rows.map((r) => r.requestId)).toEqual(all.slice(50, 100));
    expect([second.newerThan, second.olderThan]).toEqual([all[50], all[99]]);

    const third = (await listRequestLogs(
      m,
      'test',
      { statusClass: 'succeeded' },
      {
        requestId: second.olderThan!,
        direction: 'older',
      },
    ))!;
    expect(third.rows.map((r) => r.requestId)).toEqual(all.slice(100));
    expect([third.newerThan, third.olderThan]).toEqual([all[100], null]);

    // Back: the page newer than the third page's first row is the second page.
    const back = (await listRequestLogs(
      m,
      'test',
      { statusClass: 'succeeded' },
      {
        requestId: third.newerThan!,
        direction: 'newer',
      },
    ))!;
    expect(back.rows.map((r) => r.requestId)).toEqual(all.slice(50, 100));
    expect([back.newerThan, back.olderThan]).toEqual([all[50], all[99]]);

    const top = (await listRequestLogs(
      m,
      'test',
      { statusClass: 'succeeded' },
      {
        requestId: back.newerThan!,
        direction: 'newer',
      },
    ))!;
    expect(top.rows.map((r) => r.requestId)).toEqual(all.slice(0, 50));
    expect([top.newerThan, top.olderThan]).toEqual([null, all[49]]);
  });

  it('requests logged in the same microsecond are neither skipped nor repeated across pages', async () => {
    const m = await insertMerchant();
    const same = at(0);
    for (let i = 0; i < REQUEST_LOG_PAGE_SIZE + 10; i++) await insertRequestLog(m, { created_at: same });
    const first = (await listRequestLogs(m, 'test', {}))!;
    const second = (await listRequestLogs(
      m,
      'test',
      {},
      { requestId: first.olderThan!, direction: 'older' },
    ))!;
    const seen = [...first.rows, ...second.rows].map((r) => r.requestId);
    expect(seen).toHaveLength(REQUEST_LOG_PAGE_SIZE + 10);
    expect(new Set(seen).size).toBe(REQUEST_LOG_PAGE_SIZE + 10);
    expect(second.olderThan).toBeNull();
  });

  it('an empty log is one empty page', async () => {
    const m = await insertMerchant();
    expect(await listRequestLogs(m, 'test', {})).toEqual({ rows: [], olderThan: null, newerThan: null });
  });
});
