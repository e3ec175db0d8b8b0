import { randomUUID } from 'node:crypto';
import { initialMetadata } from '@/lib/api/params';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { NO_REQUEST, recordEvent, type EventRequest } from '@/lib/events/record-event';
import { customerObject, fullAddress } from './customer-object';
import { sealPii, type CustomerPii } from './pii';
import { insertCustomer, type Scope } from './repository';
import type { CreateCustomerParams } from './schemas';

export function piiFromParams(
  params: Pick<CreateCustomerParams, 'name' | 'phone' | 'address' | 'shipping'>,
  base: CustomerPii,
): CustomerPii {
  return {
    name: params.name !== undefined ? params.name : base.name,
    phone: params.phone !== undefined ? params.phone : base.phone,
    address: params.address !== undefined ? fullAddress(params.address) : base.address,
    shipping:
      params.shipping !== undefined
        ? params.shipping && {
            name: params.shipping.name,
            phone: params.shipping.phone ?? null,
            address: fullAddress(params.shipping.address)!,
          }
        : base.shipping,
  };
}

export async function createCustomer(
  tx: DbTx,
  scope: Scope,
  params: CreateCustomerParams,
  request: EventRequest = NO_REQUEST,
) {
  // The id is chosen here so the PII can be sealed to it before the insert.
  const id = randomUUID();
  const pii = piiFromParams(params, { name: null, phone: null, address: null, shipping: null });
  const row = await insertCustomer(
    tx,
    scope,
    id,
    {
      email: params.email ?? null,
      description: params.description ?? null,
      metadata: initialMetadata(params.metadata),
      phone: null,
      ...sealPii(id, pii),
    },
    clock.now(),
  );
  const object = customerObject(row);
  await recordEvent(tx, scope, { type: 'customer.created', object: { ...object }, ...request });
  return object;
}
