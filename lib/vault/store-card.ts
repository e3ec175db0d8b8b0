import { invalidRequest } from '@/lib/api/errors';
import { initialMetadata, type MetadataParam } from '@/lib/api/params';
import { randomBase62 } from '@/lib/api-keys/key-format';
import { lastValidDay } from '@/lib/cards/expiry';
import { cardFunding } from '@/lib/cards/funding';
import { TEST_CARDS } from '@/lib/cards/test-cards';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { billingFromParams } from './billing-details';
import { forgetPaymentMethods } from './cache';
import { requireCustomer } from './customer-check';
import { cardFingerprint } from './fingerprint';
import { attachedTokenWithFingerprint, insertVaultRow, type VaultRow } from './repository';
import type { BillingDetailsParam } from './schemas';
import { sealBilling, sealCard } from './sealing';
import type { Scope } from './types';
import type { ValidCard } from './validate-card';

/**
 * Puts a validated card into the vault: the number and expiry sealed (the CVC
 * is not: it is only reported as `cvc_check: pass`), brand, last four, expiry
 * date and the keyed fingerprint beside it.
 */
export interface StoreOptions {
  billingDetails?: BillingDetailsParam;
  metadata?: MetadataParam;
  customerId?: string | null;
}

const TEST_NUMBERS = new Set(TEST_CARDS.map((c) => c.number));

export const newVaultToken = () => `pm_${randomBase62(24)}`;

/** The customer already has this card: one PaymentMethod per card and customer (the seed's UNIQUE). */
export function alreadyAttached(existing: string) {
  return invalidRequest(
    `This customer already has this card attached as ${existing}. A customer keeps one PaymentMethod per card.`,
    { code: 'resource_already_exists', param: 'customer' },
  );
}

export async function storeCard(
  tx: DbTx,
  scope: Scope,
  card: ValidCard,
  options: StoreOptions,
): Promise<VaultRow> {
  const token = newVaultToken();
  const fingerprint = cardFingerprint(card.number);
  const customerId = options.customerId ?? null;
  if (customerId) {
    await requireCustomer(tx, scope, customerId);
    const existing = await attachedTokenWithFingerprint(tx, customerId, fingerprint);
    if (existing) throw alreadyAttached(existing);
  }
  const sealed = sealCard(token, { number: card.number, expMonth: card.expMonth, expYear: card.expYear });
  const row = await insertVaultRow(tx, scope, {
    token,
    customerId,
    encryptedData: new Uint8Array(sealed.ciphertext),
    encryptionKeyId: sealed.keyId,
    fingerprint,
    lastFour: card.last4,
    brand: card.brand,
    expiresAt: lastValidDay(card.expMonth, card.expYear),
    funding: cardFunding(card.number),
    // We have no BIN table: only Stripe's test cards have a known (US) issuer.
    country: !scope.livemode && TEST_NUMBERS.has(card.number) ? 'US' : null,
    cvcCheck: card.cvc !== undefined ? 'pass' : null,
    metadata: initialMetadata(options.metadata),
    ...sealBilling(token, billingFromParams(options.billingDetails)),
    createdAt: clock.now(),
  });
  if (customerId) await forgetPaymentMethods([], [customerId]);
  return row;
}
