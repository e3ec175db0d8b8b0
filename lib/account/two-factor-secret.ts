import { open, seal } from '@/lib/crypto/envelope';
import { totpContext } from '@/lib/auth/sign-in';

/**
 * The TOTP shared secret at rest: sealed with the envelope keys and bound to the
 * user's id (the same context sign-in opens it with), so a ciphertext copied to
 * another user's row does not open.
 */
export function sealTotpSecret(
  userId: string,
  secretBase32: string,
): { totpSecretEncrypted: Uint8Array<ArrayBuffer>; totpKeyId: string } {
  const sealed = seal(secretBase32, totpContext(userId));
  return { totpSecretEncrypted: new Uint8Array(sealed.ciphertext), totpKeyId: sealed.keyId };
}

export function openTotpSecret(userId: string, ciphertext: Uint8Array, keyId: string): string {
  return open(ciphertext, keyId, totpContext(userId)).toString('utf8');
}
