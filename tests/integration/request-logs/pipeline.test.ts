import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { getRequestLog } from '@/lib/request-logs/get-request-log';
import { listRequestLogs } from '@/lib/request-logs/list-request-logs';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { actorForNewMerchant } from '../api-keys/helpers';

/** The /v1 pipeline's own log lines, as Developers → Logs lists them. */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

async function waitForLogs(merchantId: string, n: number) {
  // The pipeline writes its log line after the response has gone.
  for (let i = 0; i < 50; i++) {
    const page = (await listRequestLogs(merchantId, 'test', {}))!;
    if (page.rows.length >= n) return page.rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${n} request logs`);
}

it('a request and a failed request show up, and the error’s request_log_url names the logged request', async () => {
  const actor = await actorForNewMerchant();
  const { key } = await createApiKey(actor, { type: 'secret', environment: 'test', name: 'Server' });
  const post = (body: string) =>
    fetch(`${server.url}/v1/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  expect((await post('email=ok%40example.com&name=Ann')).status).toBe(200);
  const failed = await post('email=ok%40example.com&nickname=x');
  expect(failed.status).toBe(400);
  const { error } = (await failed.json()) as { error: { request_id: string; request_log_url: string } };
  expect(error.request_log_url).toMatch(new RegExp(`/dashboard/developers/logs/${error.request_id}$`));

  const rows = await waitForLogs(actor.merchantId, 2);
  expect(rows.map((r) => [r.method, r.path, r.status])).toEqual([
    ['POST', '/v1/customers', 400],
    ['POST', '/v1/customers', 200],
  ]);
  expect(rows[0]!.requestId).toBe(error.request_id);
  expect((await listRequestLogs(actor.merchantId, 'test', { statusClass: 'failed' }))!.rows).toHaveLength(1);

  const detail = (await getRequestLog(actor.merchantId, 'test', error.request_id))!;
  expect(detail).toMatchObject({ mode: 'test', errorCode: 'parameter_unknown', keyPrefix: key.slice(0, 12) });
  expect(detail.errorMessage).toContain('nickname');
  // The customer's name was masked before it was stored.
  const ok = (await getRequestLog(actor.merchantId, 'test', rows[1]!.requestId))!;
  expect(ok.requestBody).toMatchObject({ email: 'ok@example.com', name: '[redacted]' });
});
