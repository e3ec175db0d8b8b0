import { open, rewrap, seal, type Keyring, type Sealed } from '@/lib/crypto/envelope';
import type { BillingDetails } from './schemas';

/**
 * The two sealed records of a vaulted card, each with its own data key
 * (lib/crypto/envelope.ts, AES-256-GCM). The token is bound as authenticated
 * data, so a ciphertext copied onto another row does not open:
 *
 *   encrypted_data            {number, expMonth, expYear}       — never the CVC
 *   encrypted_billing_details {name, email, phone, address}     — personal data
 *
 * Only lib/vault imports this file, and only openCard returns a card number.
 */
export interface SealedCard {
  number: string;
  expMonth: number;
  expYear: number;
}

export const cardContext = (token: string) => `payment_methods_vault.card:${token}`;
export const billingContext = (token: string) => `payment_methods_vault.billing:${token}`;

export function sealCard(token: string, card: SealedCard): Sealed {
  return seal(
    JSON.stringify({ number: card.number, expMonth: card.expMonth, expYear: card.expYear }),
    cardContext(token),
  );
}

export function openCard(token: string, ciphertext: Uint8Array, keyId: string, ring?: Keyring): SealedCard {
  const buf = open(ciphertext, keyId, cardContext(token), ring);
  try {
    return JSON.parse(buf.toString('utf8')) as SealedCard;
  } finally {
    buf.fill(0);
  }
}

export const EMPTY_BILLING: BillingDetails = {
  address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
  email: null,
  name: null,
  phone: null,
  tax_id: null,
};

function isEmpty(b: BillingDetails): boolean {
  return (
    b.email === null &&
    b.name === null &&
    b.phone === null &&
    Object.values(b.address).every((v) => v === null)
  );
}

export function sealBilling(
  token: string,
  billing: BillingDetails,
): { encryptedBillingDetails: Uint8Array<ArrayBuffer> | null; billingDetailsKeyId: string | null } {
  if (isEmpty(billing)) return { encryptedBillingDetails: null, billingDetailsKeyId: null };
  const sealed = seal(JSON.stringify(billing), billingContext(token));
  return { encryptedBillingDetails: new Uint8Array(sealed.ciphertext), billingDetailsKeyId: sealed.keyId };
}

export function openBilling(
  token: string,
  ciphertext: Uint8Array | null,
  keyId: string | null,
  ring?: Keyring,
): BillingDetails {
  if (!ciphertext || !keyId) return EMPTY_BILLING;
  const stored = JSON.parse(
    open(ciphertext, keyId, billingContext(token), ring).toString('utf8'),
  ) as Partial<BillingDetails>;
  return {
    ...EMPTY_BILLING,
    ...stored,
    address: { ...EMPTY_BILLING.address, ...stored.address },
    tax_id: null,
  };
}

export function rewrapCard(token: string, ciphertext: Uint8Array, keyId: string, ring?: Keyring): Sealed {
  return rewrap(ciphertext, keyId, cardContext(token), ring);
}

export function rewrapBilling(token: string, ciphertext: Uint8Array, keyId: string, ring?: Keyring): Sealed {
  return rewrap(ciphertext, keyId, billingContext(token), ring);
}
