import { z } from 'zod';
import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestContext } from '@/lib/auth/request-context';
import { assertCan, type TeamActor } from './actor';
import { TeamError } from './errors';

export const revokeInvitationSchema = z.strictObject({ invitationId: z.uuid('Unknown invitation.') });

/** Revokes a pending invitation of the actor's merchant; its link stops working. */
export async function revokeInvitation(
  actor: TeamActor,
  invitationId: string,
  context: RequestContext,
): Promise<void> {
  assertCan(actor, 'team:write');
  const now = clock.now();
  await db().$transaction(async (tx) => {
    // Scoped by merchant: another merchant's invitation id matches no row,
    // which is reported exactly like an id that does not exist.
    const invitation = await tx.merchantInvitation.findFirst({
      where: { id: invitationId, merchantId: actor.merchantId },
      select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation) throw new TeamError('not_found');
    if (invitation.acceptedAt) throw new TeamError('invitation_accepted');
    if (invitation.role === 'owner') assertCan(actor, 'team:owner');
    const updated = await tx.merchantInvitation.updateMany({
      where: { id: invitation.id, merchantId: actor.merchantId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (updated.count !== 1)
      throw new TeamError(invitation.revokedAt ? 'invitation_revoked' : 'invitation_accepted');
    await recordAuditEvent(
      {
        action: 'member.invitation_revoked',
        outcome: 'success',
        actorUserId: actor.userId,
        actorEmail: actor.email,
        merchantId: actor.merchantId,
        targetType: 'invitation',
        targetId: invitation.id,
        context,
        details: { email: invitation.email, role: invitation.role },
      },
      tx,
    );
  });
}
