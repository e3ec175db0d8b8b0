import type { JobHelpers } from 'graphile-worker';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { advanceClockForTests, resetClockForTests } from '@/lib/clock';
import { env } from '@/lib/env';
import { purgeRequestLogs } from '@/lib/request-logs/purge-request-logs';
import { count, insertMerchant, insertRow, query } from '@/tests/helpers/fixtures';
import { taskList } from '@/worker/tasks';
import { insertRequestLog } from './helpers';

afterEach(() => resetClockForTests());

const DAY = 24 * 3600 * 1000;
const NOW = new Date('2026-11-20T12:00:00.000Z');

function helpers() {
  const logger = { info: vi.fn(), debug: vi.fn(), warn: vi.fn(), error: vi.fn() };
  return { logger, helpers: { logger } as unknown as JobHelpers };
}

async function remaining(ids: string[]): Promise<string[]> {
  const rows = await query<{ request_id: string }>(
    'SELECT request_id FROM api_request_logs WHERE request_id = ANY($1) ORDER BY created_at DESC',
    [ids],
  );
  return rows.map((r) => r.request_id);
}

describe('purgeRequestLogs', () => {
  it('deletes every merchant’s requests older than the retention, in batches, and keeps the rest', async () => {
    const [a, b] = [await insertMerchant(), await insertMerchant()];
    const cutoff = new Date(NOW.getTime() - 7 * DAY);
    const old: string[] = [];
    for (let i = 0; i < 7; i++) {
      old.push(
        await insertRequestLog(i % 2 ? a : b, { created_at: new Date(cutoff.getTime() - (i + 1) * 60_000) }),
      );
    }
    old.push(await insertRequestLog(null, { status: 401, created_at: new Date(cutoff.getTime() - 1) }));
    const kept = [
      await insertRequestLog(a, { created_at: NOW }),
      await insertRequestLog(b, { livemode: true, created_at: new Date(cutoff.getTime() + 1) }),
      // Exactly `retention` old: not older than it, so kept.
      await insertRequestLog(a, { created_at: cutoff }),
    ];

    // Batches of 3: 8 old rows take three statements (3 + 3 + 2).
    expect(await purgeRequestLogs({ now: NOW, retentionDays: 7, batchSize: 3 })).toBe(8);
    expect(await remaining([...old, ...kept])).toEqual(kept);
    expect(await purgeRequestLogs({ now: NOW, retentionDays: 7, batchSize: 3 })).toBe(0);
  });

  it('a batch size that divides the backlog exactly still stops', async () => {
    const m = await insertMerchant();
    for (let i = 0; i < 4; i++) await insertRequestLog(m, { created_at: new Date(NOW.getTime() - 40 * DAY) });
    expect(await purgeRequestLogs({ now: NOW, retentionDays: 30, batchSize: 2 })).toBe(4);
    expect(await count('api_request_logs', 'merchant_id = $1', [m])).toBe(0);
  });

  it('the worker job keeps API_REQUEST_LOG_RETENTION_DAYS of requests', async () => {
    const days = env.API_REQUEST_LOG_RETENTION_DAYS;
    const m = await insertMerchant();
    const now = Date.now();
    const expired = await insertRequestLog(m, { created_at: new Date(now - (days + 1) * DAY) });
    const recent = await insertRequestLog(m, { created_at: new Date(now - (days - 1) * DAY) });
    const { logger, helpers: h } = helpers();
    await taskList.purge_api_request_logs!({}, h);
    expect(await remaining([expired, recent])).toEqual([recent]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(`deleted 1 API request logs older than ${days} days`),
    );

    // Two days later the other one has aged out too (the job reads the shared clock).
    advanceClockForTests(2 * DAY);
    await taskList.purge_api_request_logs!({}, h);
    expect(await remaining([recent])).toEqual([]);
  });
});

describe('purge_idempotency_keys', () => {
  async function insertIdempotencyKey(merchantId: string, key: string, createdAt: Date, expiresAt: Date) {
    await insertRow('idempotency_keys', {
      merchant_id: merchantId,
      livemode: false,
      idempotency_key: key,
      request_method: 'POST',
      request_path: '/v1/customers',
      request_fingerprint: 'a'.repeat(64),
      response_status: 200,
      response_body: '{}',
      request_id: `req_${key}`,
      created_at: createdAt,
      expires_at: expiresAt,
    });
  }

  it('deletes the records past their expiry and keeps the live ones', async () => {
    const m = await insertMerchant();
    const now = Date.now();
    await insertIdempotencyKey(m, 'expired', new Date(now - 2 * DAY), new Date(now - DAY));
    await insertIdempotencyKey(m, 'just-expired', new Date(now - DAY - 1000), new Date(now - 1000));
    await insertIdempotencyKey(m, 'live', new Date(now - 1000), new Date(now + DAY));
    const { logger, helpers: h } = helpers();
    await taskList.purge_idempotency_keys!({}, h);
    const keys = await query<{ idempotency_key: string }>(
      'SELECT idempotency_key FROM idempotency_keys WHERE merchant_id = $1',
      [m],
    );
    expect(keys.map((k) => k.idempotency_key)).toEqual(['live']);
    expect(logger.info).toHaveBeenCalledWith('deleted 2 expired idempotency keys');

    // Nothing left to delete: the job says nothing.
    logger.info.mockClear();
    await taskList.purge_idempotency_keys!({}, h);
    expect(logger.info).not.toHaveBeenCalled();
  });
});
