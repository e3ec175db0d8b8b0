import { open, seal } from '@/lib/crypto/envelope';

/**
 * Endpoint signing secrets at rest: sealed with the envelope module, bound to
 * the endpoint and the slot (current or previous) so a ciphertext copied to
 * another row or column does not open.
 */
export type SecretSlot = 'secret' | 'previous_secret';

export const secretContext = (endpointId: string, slot: SecretSlot) =>
  `webhook_endpoints.${slot}:${endpointId}`;

export function sealSecret(endpointId: string, slot: SecretSlot, secret: string) {
  const sealed = seal(secret, secretContext(endpointId, slot));
  return { ciphertext: new Uint8Array(sealed.ciphertext), keyId: sealed.keyId };
}

export function openSecret(
  endpointId: string,
  slot: SecretSlot,
  ciphertext: Uint8Array,
  keyId: string,
): string {
  return open(ciphertext, keyId, secretContext(endpointId, slot)).toString('utf8');
}

/** The longest overlap a roll may ask for (Stripe's dashboard offers up to 7 days). */
export const MAX_ROLL_OVERLAP_SECONDS = 7 * 24 * 3600;
export const DEFAULT_ROLL_OVERLAP_SECONDS = 24 * 3600;
