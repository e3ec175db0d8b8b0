import { describe, expect, it } from 'vitest';
import { fromPublicId } from '@/lib/api/object-id';
import { API_VERSION } from '@/lib/api/version';
import { db } from '@/lib/db/client';
import { eventObject, recordEvent } from '@/lib/events/record-event';
import { insertMerchant, query } from '@/tests/helpers/fixtures';

describe('the event outbox', () => {
  it('stores Stripe event object in the caller transaction, unpublished', async () => {
    const scope = { merchantId: await insertMerchant(), livemode: true };
    const object = { id: 'pi_123', object: 'payment_intent', status: 'succeeded', amount: 1000 };
    const id = await db().$transaction((tx) =>
      recordEvent(tx, scope, {
        type: 'payment_intent.succeeded',
        object,
        previousAttributes: { status: 'processing' },
        requestId: 'req_abc',
        idempotencyKey: 'key-1',
      }),
    );
    expect(id).toMatch(/^evt_[0-9A-Za-z]{22}$/);
    const row = await db().event.findUniqueOrThrow({ where: { id: fromPublicId('evt', id)! } });
    expect(row.publishedAt).toBeNull();
    expect(eventObject(row)).toEqual({
      id,
      object: 'event',
      api_version: API_VERSION,
      created: Math.floor(row.createdAt.getTime() / 1000),
      data: { object, previous_attributes: { status: 'processing' } },
      livemode: true,
      pending_webhooks: 0,
      request: { id: 'req_abc', idempotency_key: 'key-1' },
      type: 'payment_intent.succeeded',
    });
  });

  it('an event of a rolled-back change is never stored, so never published', async () => {
    const scope = { merchantId: await insertMerchant(), livemode: false };
    await expect(
      db().$transaction(async (tx) => {
        await recordEvent(tx, scope, { type: 'charge.refunded', object: { id: 'ch_1', object: 'charge' } });
        throw new Error('the refund failed');
      }),
    ).rejects.toThrow('the refund failed');
    expect(await query('SELECT 1 FROM events WHERE merchant_id = $1', [scope.merchantId])).toEqual([]);
  });

  it('leaves previous_attributes out when there are none, as Stripe does', async () => {
    const scope = { merchantId: await insertMerchant(), livemode: false };
    const id = await db().$transaction((tx) =>
      recordEvent(tx, scope, { type: 'customer.created', object: { id: 'cus_1', object: 'customer' } }),
    );
    const row = await db().event.findUniqueOrThrow({ where: { id: fromPublicId('evt', id)! } });
    expect(eventObject(row).data).toEqual({ object: { id: 'cus_1', object: 'customer' } });
    expect(eventObject(row).request).toEqual({ id: null, idempotency_key: null });
  });
});
