import { createHmac, timingSafeEqual } from 'node:crypto';
import { appUrl, env } from '@/lib/env';

/**
 * The 3-D Secure challenge page of a PaymentIntent (next_action.redirect_to_url.url):
 * `${APP_URL}/authenticate/<pi id>?token=<mac>`.
 *
 * The token is an HMAC of the intent id and its authorization attempt, keyed
 * by the server's secret: unguessable, nothing stored, and bound to one
 * attempt, so a link from an earlier attempt cannot act on a later one. It is
 * deliberately not the client secret: this URL travels through the
 * customer's browser (history, Referer, the merchant's redirect), and the
 * client secret would also let its holder read the PaymentIntent. The token
 * grants exactly one thing: completing or failing that one challenge.
 */
function mac(publicId: string, attempt: number): string {
  if (!env.API_KEY_HMAC_SECRET) throw new Error('API_KEY_HMAC_SECRET is not set');
  return createHmac('sha256', env.API_KEY_HMAC_SECRET)
    .update(`payment_intent_authentication:${publicId}:${attempt}`)
    .digest('base64url');
}

export function authenticationUrl(publicId: string, attempt: number): string {
  return `${appUrl()}/authenticate/${publicId}?token=${mac(publicId, attempt)}`;
}

export function validAuthenticationToken(publicId: string, attempt: number, token: string): boolean {
  const expected = Buffer.from(mac(publicId, attempt));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
