import { mergeMetadata } from '@/lib/api/params';
import { previousAttributes } from '@/lib/events/previous-attributes';
import { NO_REQUEST, recordEvent, type EventRequest } from '@/lib/events/record-event';
import type { DbTx } from '@/lib/db/client';
import { piiFromParams } from './create-customer';
import { customerObject } from './customer-object';
import { openPii, sealPii } from './pii';
import { lockCustomer, updateCustomerRow, type Scope } from './repository';
import type { UpdateCustomerParams } from './schemas';

/**
 * Stripe's update semantics: absent parameters keep their value, "" (or JSON
 * null) unsets, metadata merges key by key. The row is locked while its sealed
 * PII is opened, changed and sealed again, so concurrent updates of different
 * fields do not lose each other's change. Null: no such customer (or deleted).
 */
export async function updateCustomer(
  tx: DbTx,
  scope: Scope,
  id: string,
  params: UpdateCustomerParams,
  request: EventRequest = NO_REQUEST,
) {
  const row = await lockCustomer(tx, scope, id);
  if (!row) return null;
  const stored = openPii(row.id, row.encryptedPii, row.encryptionKeyId);
  // A seeded customer's plain phone moves into the sealed record on its first update.
  const pii = piiFromParams(params, { ...stored, phone: stored.phone ?? row.phone });
  const updated = await updateCustomerRow(tx, row.id, {
    email: params.email !== undefined ? params.email : row.email,
    description: params.description !== undefined ? params.description : row.description,
    metadata: mergeMetadata(row.metadata as Record<string, string>, params.metadata),
    phone: null,
    ...sealPii(row.id, pii),
  });
  const object = customerObject(updated);
  const previous = previousAttributes({ ...customerObject(row) }, { ...object });
  // Stripe announces only an actual change.
  if (previous) {
    await recordEvent(tx, scope, {
      type: 'customer.updated',
      object: { ...object },
      previousAttributes: previous,
      ...request,
    });
  }
  return object;
}
