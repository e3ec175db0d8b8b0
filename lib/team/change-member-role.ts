import { z } from 'zod';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { ROLES, type Role } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/auth/request-context';
import { assertCan, type TeamActor } from './actor';
import { TeamError } from './errors';
import { lockOwners } from './lock-owners';

export const changeMemberRoleSchema = z.strictObject({
  userId: z.uuid('Unknown member.'),
  role: z.enum(ROLES, 'Choose a role.'),
});

/**
 * Changes a member's role on the actor's merchant. Anything touching the owner
 * role (promoting to it, or changing an owner) needs an owner; the last owner
 * cannot be demoted.
 */
export async function changeMemberRole(
  actor: TeamActor,
  input: { userId: string; role: Role },
  context: RequestContext,
): Promise<{ from: Role; to: Role }> {
  assertCan(actor, 'team:write');
  if (input.role === 'owner') assertCan(actor, 'team:owner');
  return db().$transaction(async (tx) => {
    const owners = await lockOwners(tx, actor.merchantId);
    const member = await tx.merchantMember.findUnique({
      where: { merchantId_userId: { merchantId: actor.merchantId, userId: input.userId } },
      select: { role: true, user: { select: { email: true } } },
    });
    if (!member) throw new TeamError('not_found');
    const from = member.role as Role;
    if (from === input.role) return { from, to: input.role };
    if (from === 'owner') {
      assertCan(actor, 'team:owner');
      if (owners.length <= 1) throw new TeamError('last_owner');
    }
    await tx.merchantMember.update({
      where: { merchantId_userId: { merchantId: actor.merchantId, userId: input.userId } },
      data: { role: input.role },
    });
    await recordAuditEvent(
      {
        action: 'member.role_changed',
        outcome: 'success',
        actorUserId: actor.userId,
        actorEmail: actor.email,
        merchantId: actor.merchantId,
        targetType: 'user',
        targetId: input.userId,
        context,
        details: { email: member.user.email, from, to: input.role },
      },
      tx,
    );
    return { from, to: input.role };
  });
}
