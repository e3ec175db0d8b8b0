import { toPublicId } from '@/lib/api/object-id';
import { openPii, type Address } from './pii';
import type { CustomerRow } from './repository';
import type { CustomerObject } from './schemas';

/** A customer row as Stripe's customer object. Decrypts the PII to present it. */
export function customerObject(row: CustomerRow): CustomerObject {
  const pii = openPii(row.id, row.encryptedPii, row.encryptionKeyId);
  return {
    id: toPublicId('cus', row.id),
    object: 'customer',
    address: pii.address,
    balance: 0,
    created: Math.floor((row.createdAt ?? new Date(0)).getTime() / 1000),
    currency: null,
    default_source: null,
    delinquent: false,
    description: row.description,
    email: row.email,
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: row.livemode,
    metadata: row.metadata as Record<string, string>,
    name: pii.name,
    // Customers loaded by the seed carry the seed's plain phone column; API customers only the sealed one.
    phone: pii.phone ?? row.phone,
    preferred_locales: [],
    shipping: pii.shipping,
    tax_exempt: 'none',
    test_clock: null,
  };
}

export function deletedCustomerObject(row: CustomerRow) {
  return { id: toPublicId('cus', row.id), object: 'customer' as const, deleted: true as const };
}

export function fullAddress(
  a: Partial<Record<keyof Address, string | null>> | null | undefined,
): Address | null {
  if (!a) return null;
  return {
    city: a.city ?? null,
    country: a.country ? a.country.toUpperCase() : null,
    line1: a.line1 ?? null,
    line2: a.line2 ?? null,
    postal_code: a.postal_code ?? null,
    state: a.state ?? null,
  };
}
