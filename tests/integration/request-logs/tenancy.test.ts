import { describe, expect, it } from 'vitest';
import { getRequestLog } from '@/lib/request-logs/get-request-log';
import { listRequestLogs } from '@/lib/request-logs/list-request-logs';
import { insertMerchant } from '@/tests/helpers/fixtures';
import { insertRequestLog, requestId } from './helpers';

const ids = async (merchantId: string, mode: 'test' | 'live') =>
  (await listRequestLogs(merchantId, mode, {}))!.rows.map((r) => r.requestId);

describe('request logs are the merchant’s own, per mode', () => {
  it('merchant B can neither list nor get merchant A’s requests', async () => {
    const [a, b] = [await insertMerchant(), await insertMerchant()];
    const aTest = await insertRequestLog(a);
    const aLive = await insertRequestLog(a, { livemode: true, key_prefix: 'sk_live_abcd' });
    const bTest = await insertRequestLog(b);

    expect(await ids(b, 'test')).toEqual([bTest]);
    expect(await ids(b, 'live')).toEqual([]);
    for (const mode of ['test', 'live'] as const) {
      expect(await getRequestLog(b, mode, aTest)).toBeNull();
      expect(await getRequestLog(b, mode, aLive)).toBeNull();
    }
    // A's request id as B's cursor is refused, not used to walk A's log.
    expect(await listRequestLogs(b, 'test', {}, { requestId: aTest, direction: 'older' })).toBeNull();
    expect(await listRequestLogs(b, 'test', {}, { requestId: aTest, direction: 'newer' })).toBeNull();
  });

  it('test and live mode are listed apart; a cursor from the other mode is refused', async () => {
    const m = await insertMerchant();
    const test = await insertRequestLog(m);
    const live = await insertRequestLog(m, { livemode: true, key_prefix: 'sk_live_abcd' });
    expect(await ids(m, 'test')).toEqual([test]);
    expect(await ids(m, 'live')).toEqual([live]);
    expect(await listRequestLogs(m, 'test', {}, { requestId: live, direction: 'older' })).toBeNull();
  });

  it('the detail is found in either mode and says which mode the request was made in', async () => {
    const m = await insertMerchant();
    const live = await insertRequestLog(m, {
      livemode: true,
      key_prefix: 'sk_live_abcd',
      method: 'POST',
      status: 400,
      idempotency_key: 'order-17',
      idempotent_replayed: true,
      stripe_version: '2026-10-28.endive',
      error_type: 'invalid_request_error',
      error_code: 'parameter_unknown',
      query_params: { expand: 'x' },
      request_body: { email: 'a@example.com', foo: '1' },
      response_body: { error: { type: 'invalid_request_error', message: 'Received unknown parameter: foo' } },
      ip_address: '203.0.113.9',
      user_agent: 'Stripe/v1 NodeBindings',
    });
    const fromTest = await getRequestLog(m, 'test', live);
    expect(fromTest).toMatchObject({
      requestId: live,
      mode: 'live',
      inCurrentMode: false,
      method: 'POST',
      status: 400,
      keyPrefix: 'sk_live_abcd',
      idempotencyKey: 'order-17',
      idempotentReplayed: true,
      stripeVersion: '2026-10-28.endive',
      errorType: 'invalid_request_error',
      errorCode: 'parameter_unknown',
      errorMessage: 'Received unknown parameter: foo',
      queryParams: { expand: 'x' },
      requestBody: { email: 'a@example.com', foo: '1' },
      ipAddress: '203.0.113.9',
      userAgent: 'Stripe/v1 NodeBindings',
    });
    expect((await getRequestLog(m, 'live', live))!.inCurrentMode).toBe(true);
  });

  it('unknown ids and requests with no merchant (an unrecognised key) are not found', async () => {
    const m = await insertMerchant();
    const anonymous = await insertRequestLog(null, { status: 401 });
    expect(await getRequestLog(m, 'test', requestId())).toBeNull();
    expect(await getRequestLog(m, 'test', anonymous)).toBeNull();
    expect(await ids(m, 'test')).toEqual([]);
  });
});
