import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { isRole, type Role } from '@/lib/auth/permissions';
import { invitationState, type InvitationState } from './get-invitation';

export interface MemberRow {
  userId: string;
  name: string | null;
  email: string;
  role: Role;
  joinedAt: Date;
}

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  state: Exclude<InvitationState, 'accepted' | 'revoked'>;
  invitedAt: Date;
  expiresAt: Date;
  invitedByEmail: string | null;
}

/** The members of one merchant, owners first, then by when they joined. */
export async function listMembers(merchantId: string): Promise<MemberRow[]> {
  const rows = await db().merchantMember.findMany({
    where: { merchantId },
    orderBy: { createdAt: 'asc' },
    select: { userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
  const members = rows.flatMap((r) =>
    isRole(r.role)
      ? [{ userId: r.userId, name: r.user.name, email: r.user.email, role: r.role, joinedAt: r.createdAt }]
      : [],
  );
  return [...members.filter((m) => m.role === 'owner'), ...members.filter((m) => m.role !== 'owner')];
}

/** Invitations of one merchant not yet accepted or revoked (expired ones included, marked). */
export async function listPendingInvitations(merchantId: string): Promise<InvitationRow[]> {
  const now = clock.now();
  const rows = await db().merchantInvitation.findMany({
    where: { merchantId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    include: { inviter: { select: { email: true } } },
  });
  return rows.flatMap((r) => {
    const state = invitationState(r, now);
    if (!isRole(r.role) || (state !== 'open' && state !== 'expired')) return [];
    return [
      {
        id: r.id,
        email: r.email,
        role: r.role,
        state,
        invitedAt: r.createdAt,
        expiresAt: r.expiresAt,
        invitedByEmail: r.inviter?.email ?? null,
      },
    ];
  });
}
