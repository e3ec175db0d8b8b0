import { createHash } from 'node:crypto';
import { cardBrand } from '@/lib/cards/brand';
import { lastValidDay } from '@/lib/cards/expiry';
import { cardFunding } from '@/lib/cards/funding';
import { TEST_CARDS } from '@/lib/cards/test-cards';
import { NULL, copyBool, copyDate, copyTimestamp } from '@/lib/seed/copy';
import type { Plan } from '@/lib/seed/plan';
import { cardFingerprint } from '@/lib/vault/fingerprint';
import { sealCard } from '@/lib/vault/sealing';

/**
 * One saved card per seeded customer, put into the vault the way lib/vault
 * stores a card: number and expiry sealed with the envelope module under the
 * token, the keyed fingerprint, brand, last four and expiry beside it. The
 * cards are Stripe's succeeding test cards (the demo data is test data), the
 * tokens derive from the customer, so the same seed gives the same tokens
 * (only the ciphertext differs: every seal draws a fresh data key and IV).
 * The customer's payments carry the token in payment_method_token.
 */
const SUCCEEDING = TEST_CARDS.filter((c) => c.behavior.kind === 'success');
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function seededCardToken(customerId: string): string {
  const digest = createHash('sha256').update(`seed-vault:${customerId}`).digest();
  let token = 'pm_';
  for (let i = 0; i < 24; i++) token += BASE62[digest[i]! % 62];
  return token;
}

/** COPY text form of a BYTEA value. */
const copyBytea = (bytes: Buffer) => `\\\\x${bytes.toString('hex')}`;

export function* vaultLines(plan: Plan): Generator<string> {
  const anchorYear = new Date(plan.anchorMs).getUTCFullYear();
  for (const pool of plan.pools) {
    const merchant = plan.merchants[pool.merchantIndex]!;
    for (let k = 0; k < pool.size; k++) {
      const i = pool.first + k;
      const customerId = plan.customerIds[i]!;
      const card = SUCCEEDING[i % SUCCEEDING.length]!;
      const expMonth = 1 + (i % 12);
      const expYear = anchorYear + 1 + (i % 4);
      const token = seededCardToken(customerId);
      const sealed = sealCard(token, { number: card.number, expMonth, expYear });
      yield [
        token,
        customerId,
        merchant.id,
        copyBool(pool.livemode),
        copyBytea(sealed.ciphertext),
        sealed.keyId,
        'card',
        cardFingerprint(card.number),
        card.number.slice(-4),
        cardBrand(card.number),
        copyDate(lastValidDay(expMonth, expYear).getTime()),
        't',
        copyTimestamp(plan.windowStartMs),
        NULL,
        '{}',
        cardFunding(card.number),
        pool.livemode ? NULL : 'US',
      ].join('\t');
    }
  }
}

export const VAULT_COLUMNS = [
  'token',
  'customer_id',
  'merchant_id',
  'livemode',
  'encrypted_data',
  'encryption_key_id',
  'payment_method_type',
  'fingerprint',
  'last_four',
  'brand',
  'expires_at',
  'is_active',
  'created_at',
  'last_used_at',
  'metadata',
  'funding',
  'country',
] as const;
