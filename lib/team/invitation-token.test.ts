import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { invitationState } from './get-invitation';
import { hashInvitationToken, invitationLink, looksLikeInvitationToken, newInvitationToken } from './invitation-token';

describe('invitation tokens', () => {
  it('are 32 random bytes in base64url, stored as their sha256 hex', () => {
    const token = newInvitationToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(looksLikeInvitationToken(token)).toBe(true);
    expect(hashInvitationToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(newInvitationToken()).not.toBe(token);
  });

  it('rejects anything else before it reaches the database', () => {
    expect(looksLikeInvitationToken('3f1c2a9e-0000-4000-8000-000000000000')).toBe(false);
    expect(looksLikeInvitationToken(`${newInvitationToken()}x`)).toBe(false);
    expect(looksLikeInvitationToken('../../etc/passwd')).toBe(false);
  });

  it('links to /invite/<token> on the app URL', () => {
    expect(invitationLink('abc')).toMatch(/^https?:\/\/[^/]+\/invite\/abc$/);
  });
});

describe('invitationState', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  const later = new Date('2026-11-28T12:00:00Z');
  it.each([
    [{ acceptedAt: now, revokedAt: null, expiresAt: later }, 'accepted'],
    [{ acceptedAt: null, revokedAt: now, expiresAt: later }, 'revoked'],
    [{ acceptedAt: null, revokedAt: null, expiresAt: now }, 'expired'],
    [{ acceptedAt: null, revokedAt: null, expiresAt: later }, 'open'],
  ] as const)('%o → %s', (row, expected) => {
    expect(invitationState(row, now)).toBe(expected);
  });
});
