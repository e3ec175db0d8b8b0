import { createHmac, randomBytes } from 'node:crypto';

/**
 * Stripe's webhook signature: `Stripe-Signature: t=<unix>,v1=<hex>` where the
 * hex is HMAC-SHA256(secret, "<t>.<body>"), one `v1=` per secret that is
 * currently signing (two while a rolled secret's overlap lasts). The official
 * SDKs' constructEvent accepts the header if any v1 matches its secret.
 */
export function signPayload(payload: string, secrets: readonly string[], timestamp: number): string {
  const t = Math.floor(timestamp);
  const parts = [`t=${t}`];
  for (const secret of secrets) {
    parts.push(`v1=${createHmac('sha256', secret).update(`${t}.${payload}`, 'utf8').digest('hex')}`);
  }
  return parts.join(',');
}

/**
 * A new signing secret: `whsec_` and 32 random bytes in hex (letters and
 * digits only, so the log scrubber's key pattern covers all of it).
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('hex')}`;
}
