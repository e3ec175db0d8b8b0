import { randomUUID } from 'node:crypto';
import { describe } from 'vitest';
import { itEnforcesConstraints } from '@/tests/helpers/constraint-suite';
import {
  breaks,
  insertEvent,
  insertMerchant,
  insertWebhookAttempt,
  insertWebhookDelivery,
  insertWebhookEndpoint,
  type Row,
  type Violation,
} from '@/tests/helpers/fixtures';

// webhook_endpoints, webhook_deliveries, webhook_delivery_attempts (migration 20261121060000_webhooks).
const TABLES = ['webhook_endpoints', 'webhook_deliveries', 'webhook_delivery_attempts'] as const;
type Table = (typeof TABLES)[number];

const make: Record<Table, (over?: Row) => Promise<unknown>> = {
  webhook_endpoints: async (o) => insertWebhookEndpoint(await insertMerchant(), o),
  webhook_deliveries: async (o) => {
    const m = await insertMerchant();
    return insertWebhookDelivery(m, await insertWebhookEndpoint(m), o);
  },
  webhook_delivery_attempts: async (o) => insertWebhookAttempt(await insertMerchant(), o),
};

const NOT_NULL: Record<Table, string[]> = {
  webhook_endpoints: [
    'id',
    'merchant_id',
    'livemode',
    'url',
    'enabled_events',
    'status',
    'metadata',
    'secret_ciphertext',
    'secret_key_id',
    'created_at',
    'updated_at',
  ],
  webhook_deliveries: [
    'id',
    'merchant_id',
    'livemode',
    'event_id',
    'endpoint_id',
    'kind',
    'status',
    'attempt_count',
    'created_at',
    'updated_at',
  ],
  webhook_delivery_attempts: [
    'id',
    'delivery_id',
    'merchant_id',
    'livemode',
    'event_id',
    'endpoint_id',
    'attempt',
    'url',
    'request_headers',
    'request_body',
    'duration_ms',
    'succeeded',
    'created_at',
  ],
};

const [check, unique, fk] = [breaks.check<Table>, breaks.unique<Table>, breaks.fk<Table>];

const past = new Date('2026-01-01T00:00:00Z');

const VIOLATIONS: Violation<Table>[] = [
  check('webhook_endpoints', 'webhook_endpoints_valid_status', { status: 'paused' }),
  check('webhook_endpoints', 'webhook_endpoints_valid_disabled_reason', {
    status: 'disabled',
    disabled_reason: 'bored',
    disabled_at: past,
  }),
  check('webhook_endpoints', 'webhook_endpoints_reason_iff_disabled', { status: 'disabled' }),
  check('webhook_endpoints', 'webhook_endpoints_reason_iff_disabled', {
    disabled_reason: 'manual',
    disabled_at: past,
  }),
  check('webhook_endpoints', 'webhook_endpoints_url_http', { url: 'ftp://example.test/x' }),
  check('webhook_endpoints', 'webhook_endpoints_events_present', { enabled_events: [] }),
  check('webhook_endpoints', 'webhook_endpoints_metadata_object', { metadata: JSON.stringify([1]) }),
  check('webhook_endpoints', 'webhook_endpoints_previous_secret_complete', {
    previous_secret_ciphertext: Buffer.from('old'),
  }),
  check('webhook_endpoints', 'webhook_endpoints_previous_secret_complete', {
    previous_secret_ciphertext: Buffer.from('old'),
    previous_secret_key_id: 'key-1',
  }),
  unique('webhook_endpoints', 'webhook_endpoints_pkey', async () => {
    const m = await insertMerchant();
    return insertWebhookEndpoint(m, { id: await insertWebhookEndpoint(m) });
  }),
  fk('webhook_endpoints', 'webhook_endpoints_merchant_id_fkey', () => insertWebhookEndpoint(randomUUID())),

  check('webhook_deliveries', 'webhook_deliveries_valid_kind', { kind: 'manual' }),
  check('webhook_deliveries', 'webhook_deliveries_valid_status', {
    status: 'lost',
    next_attempt_at: null,
    completed_at: past,
  }),
  check('webhook_deliveries', 'webhook_deliveries_attempts_non_negative', { attempt_count: -1 }),
  check('webhook_deliveries', 'webhook_deliveries_pending_scheduled', { next_attempt_at: null }),
  check('webhook_deliveries', 'webhook_deliveries_pending_scheduled', { status: 'succeeded' }),
  unique('webhook_deliveries', 'webhook_deliveries_pkey', async () => {
    const m = await insertMerchant();
    const e = await insertWebhookEndpoint(m);
    return insertWebhookDelivery(m, e, { id: await insertWebhookDelivery(m, e) });
  }),
  fk('webhook_deliveries', 'webhook_deliveries_merchant_id_fkey', async () => {
    const m = await insertMerchant();
    return insertWebhookDelivery(m, await insertWebhookEndpoint(m), { merchant_id: randomUUID() });
  }),
  fk('webhook_deliveries', 'webhook_deliveries_event_id_fkey', async () => {
    const m = await insertMerchant();
    return insertWebhookDelivery(m, await insertWebhookEndpoint(m), { event_id: randomUUID() });
  }),
  fk('webhook_deliveries', 'webhook_deliveries_endpoint_id_fkey', async () =>
    insertWebhookDelivery(await insertMerchant(), randomUUID()),
  ),

  check('webhook_delivery_attempts', 'webhook_delivery_attempts_attempt_positive', { attempt: 0 }),
  check('webhook_delivery_attempts', 'webhook_delivery_attempts_valid_status', { response_status: 42 }),
  check('webhook_delivery_attempts', 'webhook_delivery_attempts_duration_non_negative', { duration_ms: -1 }),
  check('webhook_delivery_attempts', 'webhook_delivery_attempts_body_truncated', {
    response_body: 'x'.repeat(4097),
  }),
  check('webhook_delivery_attempts', 'webhook_delivery_attempts_headers_object', {
    request_headers: JSON.stringify(['a']),
  }),
  unique('webhook_delivery_attempts', 'webhook_delivery_attempts_once', async () => {
    const m = await insertMerchant();
    const e = await insertWebhookEndpoint(m);
    const ev = await insertEvent(m);
    const d = await insertWebhookDelivery(m, e, { event_id: ev });
    await insertWebhookAttempt(m, { delivery_id: d, endpoint_id: e, event_id: ev });
    return insertWebhookAttempt(m, { delivery_id: d, endpoint_id: e, event_id: ev });
  }),
  unique('webhook_delivery_attempts', 'webhook_delivery_attempts_pkey', async () => {
    const m = await insertMerchant();
    return insertWebhookAttempt(m, { id: await insertWebhookAttempt(m) });
  }),
  fk('webhook_delivery_attempts', 'webhook_delivery_attempts_delivery_id_fkey', async () =>
    insertWebhookAttempt(await insertMerchant(), { delivery_id: randomUUID() }),
  ),
  fk('webhook_delivery_attempts', 'webhook_delivery_attempts_merchant_id_fkey', async () => {
    const m = await insertMerchant();
    const e = await insertWebhookEndpoint(m);
    const ev = await insertEvent(m);
    return insertWebhookAttempt(m, { endpoint_id: e, event_id: ev, merchant_id: randomUUID() });
  }),
  fk('webhook_delivery_attempts', 'webhook_delivery_attempts_event_id_fkey', async () => {
    const m = await insertMerchant();
    const e = await insertWebhookEndpoint(m);
    const d = await insertWebhookDelivery(m, e);
    return insertWebhookAttempt(m, { endpoint_id: e, delivery_id: d, event_id: randomUUID() });
  }),
  fk('webhook_delivery_attempts', 'webhook_delivery_attempts_endpoint_id_fkey', async () => {
    const m = await insertMerchant();
    const e = await insertWebhookEndpoint(m);
    const ev = await insertEvent(m);
    const d = await insertWebhookDelivery(m, e, { event_id: ev });
    return insertWebhookAttempt(m, { event_id: ev, delivery_id: d, endpoint_id: randomUUID() });
  }),
];

describe('webhooks tables', () => {
  itEnforcesConstraints({ tables: TABLES, make, notNull: NOT_NULL, violations: VIOLATIONS });
});
