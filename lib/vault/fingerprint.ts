import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * Card fingerprints. The stored one (payment_methods_vault.fingerprint) is
 * HMAC-SHA256(CARD_FINGERPRINT_SECRET, number) in hex: the same card always
 * gives the same value across the platform (duplicate detection, the
 * UNIQUE(customer_id, fingerprint)), and without the secret it cannot be
 * matched against guessed numbers the way a plain hash could.
 *
 * What the API shows (card.fingerprint) is derived again per merchant, as
 * Stripe's fingerprints are per account: two merchants cannot correlate their
 * customers' cards by comparing fingerprints.
 */
function secret(): string {
  if (!env.CARD_FINGERPRINT_SECRET) throw new Error('CARD_FINGERPRINT_SECRET is not set');
  return env.CARD_FINGERPRINT_SECRET;
}

export function cardFingerprint(number: string): string {
  return createHmac('sha256', secret()).update(number).digest('hex');
}

export function publicFingerprint(merchantId: string, stored: string): string {
  return createHmac('sha256', secret())
    .update(`merchant:${merchantId}:${stored}`)
    .digest('base64url')
    .replace(/[-_]/g, '')
    .slice(0, 16);
}
