import { z } from 'zod';
import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestContext } from '@/lib/auth/request-context';
import { TeamError } from './errors';
import { getInvitationByToken } from './get-invitation';

export const acceptInvitationSchema = z.strictObject({ token: z.string().min(1).max(100) });

/**
 * Joins the signed-in person to the team an invitation names. The person's
 * e-mail must be the invited one (an invitation link forwarded to someone
 * else does not work for them). The invitation is consumed by a conditional
 * update in the same transaction that creates the membership, so two clicks,
 * two tabs or two people racing cannot use one invitation twice.
 */
export async function acceptInvitation(
  input: { token: string; user: { userId: string; email: string } },
  context: RequestContext,
): Promise<{ merchantId: string }> {
  const invitation = await getInvitationByToken(input.token);
  if (!invitation) throw new TeamError('not_found');
  if (invitation.state === 'accepted') throw new TeamError('invitation_accepted');
  if (invitation.state === 'revoked') throw new TeamError('invitation_revoked');
  if (invitation.state === 'expired') throw new TeamError('invitation_expired');
  if (invitation.email !== input.user.email.toLowerCase()) {
    throw new TeamError(
      'email_mismatch',
      `This invitation was sent to ${invitation.email}, but you are signed in as ${input.user.email}. ` +
        `Sign out and sign in (or sign up) with ${invitation.email} to accept it.`,
    );
  }

  const now = clock.now();
  await db().$transaction(async (tx) => {
    const existing = await tx.merchantMember.findUnique({
      where: { merchantId_userId: { merchantId: invitation.merchantId, userId: input.user.userId } },
      select: { role: true },
    });
    if (existing)
      throw new TeamError('already_member', `You are already a member of ${invitation.merchantName}.`);
    const consumed = await tx.merchantInvitation.updateMany({
      where: {
        id: invitation.id,
        merchantId: invitation.merchantId,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
      },
      data: { acceptedAt: now, acceptedBy: input.user.userId },
    });
    if (consumed.count !== 1)
      throw new TeamError('invitation_accepted', 'This invitation can no longer be used.');
    await tx.merchantMember.create({
      data: {
        merchantId: invitation.merchantId,
        userId: input.user.userId,
        role: invitation.role,
        createdAt: now,
      },
    });
    await recordAuditEvent(
      {
        action: 'member.joined',
        outcome: 'success',
        actorUserId: input.user.userId,
        actorEmail: input.user.email,
        merchantId: invitation.merchantId,
        targetType: 'invitation',
        targetId: invitation.id,
        context,
        details: { role: invitation.role },
      },
      tx,
    );
  });
  return { merchantId: invitation.merchantId };
}
