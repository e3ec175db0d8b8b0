import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { isRole, type Role } from '@/lib/auth/permissions';
import { hashInvitationToken, looksLikeInvitationToken } from './invitation-token';

export type InvitationState = 'open' | 'expired' | 'revoked' | 'accepted';

export interface InvitationView {
  id: string;
  merchantId: string;
  merchantName: string;
  email: string;
  role: Role;
  state: InvitationState;
  expiresAt: Date;
  invitedByEmail: string | null;
}

/** The invitation an invitation link names, or null (unknown or malformed token). */
export async function getInvitationByToken(token: string): Promise<InvitationView | null> {
  if (!looksLikeInvitationToken(token)) return null;
  const row = await db().merchantInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { merchant: { select: { businessName: true } }, inviter: { select: { email: true } } },
  });
  if (!row || !isRole(row.role)) return null;
  return {
    id: row.id,
    merchantId: row.merchantId,
    merchantName: row.merchant.businessName,
    email: row.email,
    role: row.role,
    state: invitationState(row, clock.now()),
    expiresAt: row.expiresAt,
    invitedByEmail: row.inviter?.email ?? null,
  };
}

export function invitationState(
  row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt <= now) return 'expired';
  return 'open';
}
