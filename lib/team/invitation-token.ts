import { createHash, randomBytes } from 'node:crypto';
import { appUrl } from '@/lib/env';

/**
 * Invitation links carry 32 random bytes (base64url); only their sha256 is
 * stored, so the table alone does not let anyone join a team. A fast hash is
 * enough: the token has 256 bits of entropy, nothing to brute-force.
 */
export const INVITATION_TTL_DAYS = 7;

export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function invitationLink(token: string): string {
  return `${appUrl()}/invite/${token}`;
}

/** Tokens as newInvitationToken makes them; anything else cannot match a row. */
export function looksLikeInvitationToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
