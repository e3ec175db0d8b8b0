import { z } from 'zod';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestContext } from '@/lib/auth/request-context';
import { assertCan, type TeamActor } from './actor';
import { TeamError } from './errors';
import { lockOwners } from './lock-owners';

export const removeMemberSchema = z.strictObject({ userId: z.uuid('Unknown member.') });

/**
 * Removes a member from the actor's merchant (the user account stays; they
 * lose access on their next request, since every page re-reads membership).
 * Removing an owner needs an owner, and the last owner cannot be removed,
 * not even by themselves.
 */
export async function removeMember(actor: TeamActor, userId: string, context: RequestContext): Promise<void> {
  assertCan(actor, 'team:write');
  await db().$transaction(async (tx) => {
    const owners = await lockOwners(tx, actor.merchantId);
    const member = await tx.merchantMember.findUnique({
      where: { merchantId_userId: { merchantId: actor.merchantId, userId } },
      select: { role: true, user: { select: { email: true } } },
    });
    if (!member) throw new TeamError('not_found');
    if (member.role === 'owner') {
      assertCan(actor, 'team:owner');
      if (owners.length <= 1) throw new TeamError('last_owner');
    }
    await tx.merchantMember.delete({
      where: { merchantId_userId: { merchantId: actor.merchantId, userId } },
    });
    await recordAuditEvent(
      {
        action: 'member.removed',
        outcome: 'success',
        actorUserId: actor.userId,
        actorEmail: actor.email,
        merchantId: actor.merchantId,
        targetType: 'user',
        targetId: userId,
        context,
        details: { email: member.user.email, role: member.role, self: userId === actor.userId },
      },
      tx,
    );
  });
}
