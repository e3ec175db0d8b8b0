import { fromPublicId, toPublicId } from '@/lib/api/object-id';
import { displayBrand, type CardBrand } from '@/lib/cards/brand';
import { publicFingerprint } from './fingerprint';
import type { VaultRow } from './repository';
import type { BillingDetails, PaymentMethodObject } from './schemas';
import { EMPTY_BILLING, openBilling } from './sealing';
import type { VaultedMethod } from './types';

/**
 * A vault row as Stripe's PaymentMethod object. Only the billing details are
 * opened to present it; the card record never is (brand, last four, expiry and
 * fingerprint are stored beside it in clear).
 */
export function paymentMethodObject(row: VaultRow, billing: BillingDetails): PaymentMethodObject {
  const brand = (row.brand ?? 'unknown') as CardBrand;
  // expires_at is the last day of the expiry month (UTC date).
  const expires = row.expiresAt;
  return {
    id: row.token,
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: billing,
    card: {
      brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: row.cvcCheck },
      country: row.country,
      display_brand: displayBrand(brand),
      exp_month: expires ? expires.getUTCMonth() + 1 : 0,
      exp_year: expires ? expires.getUTCFullYear() : 0,
      fingerprint: publicFingerprint(row.merchantId, row.fingerprint),
      funding: row.funding,
      generated_from: null,
      last4: row.lastFour ?? '',
      networks: { available: brand === 'unknown' ? [] : [brand], preferred: null },
      regulated_status: null,
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: Math.floor((row.createdAt ?? new Date(0)).getTime() / 1000),
    customer: row.customerId ? toPublicId('cus', row.customerId) : null,
    customer_account: null,
    livemode: row.livemode,
    metadata: row.metadata as Record<string, string>,
    type: 'card',
  };
}

export function objectFromRow(row: VaultRow): PaymentMethodObject {
  return paymentMethodObject(
    row,
    openBilling(row.token, row.encryptedBillingDetails, row.billingDetailsKeyId),
  );
}

/** The object without personal data, as cached in Redis. */
export function withoutBilling(object: PaymentMethodObject): PaymentMethodObject {
  return { ...object, billing_details: EMPTY_BILLING };
}

export function vaultedMethod(object: PaymentMethodObject, usable: boolean): VaultedMethod {
  return {
    token: object.id,
    customerId: object.customer ? fromPublicId('cus', object.customer) : null,
    brand: object.card.brand,
    last4: object.card.last4,
    expMonth: object.card.exp_month,
    expYear: object.card.exp_year,
    fingerprint: object.card.fingerprint,
    usable,
    object,
  };
}
