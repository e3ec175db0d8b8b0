import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keyring, parseKeyring } from '@/lib/crypto/envelope';
import { rewrapSealed, verifySealed } from '@/lib/crypto/rotate-sealed';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { recordEvent } from '@/lib/events/record-event';
import { attemptBodyStore } from '@/lib/webhooks/attempt-body';
import { listDeliveryAttempts } from '@/lib/webhooks/list-delivery-attempts';
import { insertMerchant, query } from '@/tests/helpers/fixtures';
import { startReceiver, type Receiver } from '@/tests/helpers/webhook-receiver';
import { endpointFor, installGraphileWorker, runDue } from './helpers';

/**
 * The delivery log keeps each attempt's request body, which for a customer
 * event holds the customer's name and address: it is sealed at rest like the
 * event itself, opened for the merchant's dashboard, and re-wrapped by
 * `npm run vault:rotate`.
 */
let receiver: Receiver;
beforeAll(() => installGraphileWorker());
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(() => receiver.close());

describe('webhook attempt bodies at rest', () => {
  it('are sealed in the table, clear in the dashboard log, and rotate with the keyring', async () => {
    const scope = { merchantId: await insertMerchant({ status: 'active' }), livemode: false };
    const endpoint = await endpointFor(scope, { url: receiver.url, enabled_events: ['*'] });
    receiver.secrets = [endpoint.secret];
    const name = `Ada Lovelace ${randomBytes(3).toString('hex')}`;
    await db().$transaction((tx) =>
      recordEvent(tx, scope, {
        type: 'customer.created',
        object: { id: 'cus_1', object: 'customer', name, address: { line1: '12 Analytical Row' } },
      }),
    );
    await runDue();
    expect(receiver.deliveries).toHaveLength(1);
    expect(receiver.deliveries[0]!.body).toContain(name);

    const rows = await query<{ request_body: string; request_body_key_id: string | null }>(
      'SELECT request_body, request_body_key_id FROM webhook_delivery_attempts WHERE merchant_id = $1',
      [scope.merchantId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.request_body_key_id).toBe(keyring().activeId);
    expect(rows[0]!.request_body).not.toContain('Ada');
    expect(Buffer.from(rows[0]!.request_body, 'base64').toString('latin1')).not.toContain('Ada');

    const [log] = await listDeliveryAttempts(db(), scope, { endpointId: endpoint.id, limit: 10 });
    expect(log!.requestBody).toBe(receiver.deliveries[0]!.body);

    const fresh = randomBytes(32).toString('base64');
    const rotated = parseKeyring(`${env.ENCRYPTION_KEYS},test-wh2:${fresh}`, 'test-wh2');
    expect((await rewrapSealed(db(), attemptBodyStore, { ring: rotated })).failed).toEqual([]);
    const check = await verifySealed(db(), attemptBodyStore, { ring: parseKeyring(`test-wh2:${fresh}`) });
    expect(check.failed).toEqual([]);
    expect(check.opened).toBe(check.rows);
    expect(check.rows).toBeGreaterThanOrEqual(1);
  });
});
