import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * `pi_…_secret_…`: what hosted checkout (with a publishable key) presents to
 * act on one PaymentIntent. Derived from the id with a keyed HMAC rather than
 * stored, so there is nothing to leak from the database and nothing to migrate.
 */
export function clientSecret(publicId: string): string {
  if (!env.API_KEY_HMAC_SECRET) throw new Error('API_KEY_HMAC_SECRET is not set');
  const mac = createHmac('sha256', env.API_KEY_HMAC_SECRET)
    .update(`payment_intent_client_secret:${publicId}`)
    .digest('base64url')
    .replace(/[-_]/g, '')
    .slice(0, 24);
  return `${publicId}_secret_${mac}`;
}
