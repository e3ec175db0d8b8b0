import { randomBytes } from 'node:crypto';
import { insertRow, type Row } from '@/tests/helpers/fixtures';

/** A request id shaped like the pipeline's (`req_` + base62). */
export function requestId(): string {
  return `req_${randomBytes(12).toString('hex')}`;
}

/** One api_request_logs row (a test-mode 200 GET unless told otherwise); returns its request id. */
export async function insertRequestLog(merchantId: string | null, over: Row = {}): Promise<string> {
  const defaults: Row = {
    request_id: requestId(),
    merchant_id: merchantId,
    livemode: merchantId === null ? null : false,
    key_prefix: merchantId === null ? null : 'sk_test_abcd',
    method: 'GET',
    path: '/v1/customers',
    status: 200,
    duration_ms: 12,
  };
  return (await insertRow('api_request_logs', { ...defaults, ...over }, 'request_id')).request_id as string;
}

/** `n` rows one second apart, the newest at `newest`; returns their ids newest first. */
export async function insertRequestLogs(
  merchantId: string,
  n: number,
  newest: Date,
  over: Row = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      await insertRequestLog(merchantId, { created_at: new Date(newest.getTime() - i * 1000), ...over }),
    );
  }
  return ids;
}
