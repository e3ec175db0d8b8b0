import { createHmac, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * Two-factor recovery codes: ten single-use codes of 60 random bits each, shown
 * once. They are stored as HMAC-SHA256 keyed with AUTH_SECRET — the codes are
 * random, so a fast keyed hash is safe and lets sign-in look a code up directly.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no look-alikes (i, l, o, 0, 1)

export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return normalizeRecoveryCode(code).length === 12;
}

export function hashRecoveryCode(code: string): string {
  if (!env.AUTH_SECRET) throw new Error('AUTH_SECRET is not set');
  return createHmac('sha256', env.AUTH_SECRET).update(`recovery:${normalizeRecoveryCode(code)}`).digest('hex');
}
