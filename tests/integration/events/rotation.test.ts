import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, parseKeyring } from '@/lib/crypto/envelope';
import { createCustomer } from '@/lib/customers/create-customer';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { rewrapEventData, verifyEventData } from '@/lib/events/rewrap-event-data';
import { eventDataContext } from '@/lib/events/sealed-data';
import { insertMerchant, query } from '@/tests/helpers/fixtures';

/**
 * `npm run vault:rotate` also re-wraps sealed event data (customer and payment
 * method events): afterwards each record opens under the new key alone.
 */
describe('master-key rotation of sealed event data', () => {
  it('re-wraps every sealed event under the new active key, once, and each still opens', async () => {
    const scope = { merchantId: await insertMerchant(), livemode: false };
    await db().$transaction((tx) => createCustomer(tx, scope, { email: 'r1@example.test', name: 'Rosa' }));
    await db().$transaction((tx) => createCustomer(tx, scope, { email: 'r2@example.test', name: 'Rui' }));
    const newKey = randomBytes(32).toString('base64');
    const rotated = parseKeyring(`${env.ENCRYPTION_KEYS},test-k2:${newKey}`, 'test-k2');

    const before = await verifyEventData(db(), { ring: rotated });
    expect(before.failed).toEqual([]);
    expect(before.notActive).toBe(before.rows);
    const result = await rewrapEventData(db(), { ring: rotated, batchSize: 1 });
    expect(result).toMatchObject({ rewrapped: before.rows, alreadyCurrent: 0, failed: [] });
    expect(await rewrapEventData(db(), { ring: rotated })).toMatchObject({
      rewrapped: 0,
      alreadyCurrent: before.rows,
    });

    const onlyNew = parseKeyring(`test-k2:${newKey}`);
    const rows = await query<{ id: string; sealed_data: Buffer; data_key_id: string }>(
      'SELECT id, sealed_data, data_key_id FROM events WHERE merchant_id = $1 ORDER BY created_at',
      [scope.merchantId],
    );
    expect(rows.map((r) => r.data_key_id)).toEqual(['test-k2', 'test-k2']);
    const names = rows.map(
      (r) =>
        (
          JSON.parse(open(r.sealed_data, r.data_key_id, eventDataContext(r.id), onlyNew).toString()) as {
            object: { name: string };
          }
        ).object.name,
    );
    expect(names).toEqual(['Rosa', 'Rui']);
  });
});
