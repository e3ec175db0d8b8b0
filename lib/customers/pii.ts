import { open, rewrap, seal, type Keyring } from '@/lib/crypto/envelope';

/**
 * A customer's personal data (name, phone, postal address, shipping details)
 * is stored only inside `customers.encrypted_pii`, sealed with the envelope
 * module (AES-256-GCM, per-record data key wrapped by the master key named in
 * `encryption_key_id`). The customer's id is the additional authenticated data,
 * so a ciphertext moved onto another row does not open.
 */
export interface Address {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
}

export interface Shipping {
  address: Address;
  name: string;
  phone: string | null;
}

export interface CustomerPii {
  name: string | null;
  phone: string | null;
  address: Address | null;
  shipping: Shipping | null;
}

export const EMPTY_PII: CustomerPii = { name: null, phone: null, address: null, shipping: null };

const context = (customerId: string) => `customer:${customerId}:pii`;

export function sealPii(
  customerId: string,
  pii: CustomerPii,
): { encryptedPii: Uint8Array<ArrayBuffer> | null; encryptionKeyId: string | null } {
  if (pii.name === null && pii.phone === null && pii.address === null && pii.shipping === null) {
    return { encryptedPii: null, encryptionKeyId: null };
  }
  const sealed = seal(JSON.stringify(pii), context(customerId));
  return { encryptedPii: new Uint8Array(sealed.ciphertext), encryptionKeyId: sealed.keyId };
}

export function openPii(customerId: string, encrypted: Uint8Array | null, keyId: string | null): CustomerPii {
  if (!encrypted || !keyId) return EMPTY_PII;
  return {
    ...EMPTY_PII,
    ...(JSON.parse(open(encrypted, keyId, context(customerId)).toString('utf8')) as Partial<CustomerPii>),
  };
}

/** Key rotation: the record's data key re-wrapped under the ring's active master key. */
export function rewrapPii(customerId: string, encrypted: Uint8Array, keyId: string, ring?: Keyring) {
  return rewrap(encrypted, keyId, context(customerId), ring);
}

/** Key rotation's proof: the record opens (its content is discarded). */
export function checkPiiOpens(customerId: string, encrypted: Uint8Array, keyId: string, ring?: Keyring): void {
  JSON.parse(open(encrypted, keyId, context(customerId), ring).toString('utf8'));
}
