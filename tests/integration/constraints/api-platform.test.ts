import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { itEnforcesConstraints } from '@/tests/helpers/constraint-suite';
import {
  breaks,
  insertApiKey,
  insertIdempotencyKey,
  insertMerchant,
  insertRequestLog,
  one,
  query,
  twice,
  type Row,
  type Violation,
} from '@/tests/helpers/fixtures';

// idempotency_keys and api_request_logs (migration 20261121040000_api_platform).
const TABLES = ['idempotency_keys', 'api_request_logs'] as const;
type Table = (typeof TABLES)[number];

const make: Record<Table, (over?: Row) => Promise<unknown>> = {
  idempotency_keys: async (o) => insertIdempotencyKey(await insertMerchant(), o),
  api_request_logs: async (o) => insertRequestLog(o),
};

const NOT_NULL: Record<Table, string[]> = {
  idempotency_keys: [
    'id',
    'merchant_id',
    'livemode',
    'idempotency_key',
    'request_method',
    'request_path',
    'request_fingerprint',
    'response_status',
    'response_body',
    'request_id',
    'created_at',
    'expires_at',
  ],
  api_request_logs: [
    'id',
    'request_id',
    'method',
    'path',
    'status',
    'duration_ms',
    'idempotent_replayed',
    'created_at',
  ],
};

const [check, unique, fk] = [breaks.check<Table>, breaks.unique<Table>, breaks.fk<Table>];

const VIOLATIONS: Violation<Table>[] = [
  check('idempotency_keys', 'idempotency_keys_key_length', { idempotency_key: '' }),
  check('idempotency_keys', 'idempotency_keys_fingerprint_hex', { request_fingerprint: 'Z'.repeat(64) }),
  check('idempotency_keys', 'idempotency_keys_valid_status', { response_status: 99 }),
  check('idempotency_keys', 'idempotency_keys_valid_status', { response_status: 600 }),
  check('idempotency_keys', 'idempotency_keys_expires_after_created', {
    created_at: '2026-01-02T00:00:00Z',
    expires_at: '2026-01-01T00:00:00Z',
  }),
  unique('idempotency_keys', 'idempotency_keys_merchant_mode_key', async () => {
    const m = await insertMerchant();
    return twice(() => insertIdempotencyKey(m, { idempotency_key: 'same' }))();
  }),
  unique('idempotency_keys', 'idempotency_keys_pkey', async () => {
    const m = await insertMerchant();
    return insertIdempotencyKey(m, { id: await insertIdempotencyKey(m) });
  }),
  fk('idempotency_keys', 'idempotency_keys_merchant_id_fkey', () => insertIdempotencyKey(randomUUID())),
  fk('idempotency_keys', 'idempotency_keys_api_key_id_fkey', async () =>
    insertIdempotencyKey(await insertMerchant(), { api_key_id: randomUUID() }),
  ),

  check('api_request_logs', 'api_request_logs_valid_method', { method: 'FETCH' }),
  check('api_request_logs', 'api_request_logs_valid_status', { status: 700 }),
  check('api_request_logs', 'api_request_logs_duration_nonnegative', { duration_ms: -1 }),
  check('api_request_logs', 'api_request_logs_mode_with_merchant', { livemode: true }),
  unique('api_request_logs', 'api_request_logs_request_id_key', () =>
    twice(() => insertRequestLog({ request_id: 'req_same' }))(),
  ),
  unique('api_request_logs', 'api_request_logs_pkey', async () =>
    insertRequestLog({ id: await insertRequestLog() }),
  ),
  fk('api_request_logs', 'api_request_logs_merchant_id_fkey', () =>
    insertRequestLog({ merchant_id: randomUUID(), livemode: false }),
  ),
  fk('api_request_logs', 'api_request_logs_api_key_id_fkey', () =>
    insertRequestLog({ api_key_id: randomUUID() }),
  ),
];

describe('idempotency_keys / api_request_logs constraints', () => {
  itEnforcesConstraints({ tables: TABLES, make, notNull: NOT_NULL, violations: VIOLATIONS });
});

describe('what the constraints still allow, and ON DELETE rules', () => {
  it('one idempotency key may be used by two merchants, and in both modes of one merchant', async () => {
    const [a, b] = [await insertMerchant(), await insertMerchant()];
    await insertIdempotencyKey(a, { idempotency_key: 'k', livemode: false });
    await expect(insertIdempotencyKey(a, { idempotency_key: 'k', livemode: true })).resolves.toBeTruthy();
    await expect(insertIdempotencyKey(b, { idempotency_key: 'k', livemode: false })).resolves.toBeTruthy();
  });

  it('deleting an API key keeps its idempotency records and request logs, without the key', async () => {
    const m = await insertMerchant();
    const key = await insertApiKey(m);
    const idem = await insertIdempotencyKey(m, { api_key_id: key });
    const log = await insertRequestLog({ merchant_id: m, livemode: false, api_key_id: key });
    await query('DELETE FROM merchant_api_keys WHERE id = $1', [key]);
    expect(
      (await one('SELECT api_key_id FROM idempotency_keys WHERE id = $1', [idem])).api_key_id,
    ).toBeNull();
    expect((await one('SELECT api_key_id FROM api_request_logs WHERE id = $1', [log])).api_key_id).toBeNull();
  });

  it('a request without a recognised key is logged with neither merchant nor mode', async () => {
    await expect(insertRequestLog({ status: 401 })).resolves.toBeTruthy();
  });
});
