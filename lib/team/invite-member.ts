import { z } from 'zod';
import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { queueMail } from '@/lib/mail/queue-mail';
import { emailSchema } from '@/lib/auth/password-policy';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/auth/request-context';
import { assertCan, type TeamActor } from './actor';
import { TeamError } from './errors';
import {
  INVITATION_TTL_DAYS,
  hashInvitationToken,
  invitationLink,
  newInvitationToken,
} from './invitation-token';

export const inviteMemberSchema = z.strictObject({
  email: emailSchema,
  role: z.enum(ROLES, 'Choose a role.'),
});

export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

/**
 * Invites someone to the actor's merchant: an invitation row holding the
 * token's hash, and a mail with the link (the token exists nowhere else).
 * Owners alone may invite owners. One open invitation per address: an expired
 * one is replaced, a live one must be revoked first.
 */
export async function inviteMember(
  actor: TeamActor,
  input: InviteMemberInput,
  context: RequestContext,
): Promise<{ invitationId: string; link: string }> {
  assertCan(actor, 'team:write');
  if (input.role === 'owner') assertCan(actor, 'team:owner');

  const merchant = await db().merchant.findUnique({
    where: { id: actor.merchantId },
    select: { businessName: true },
  });
  if (!merchant) throw new TeamError('not_found');
  const member = await db().merchantMember.findFirst({
    where: { merchantId: actor.merchantId, user: { email: input.email } },
    select: { userId: true },
  });
  if (member) throw new TeamError('already_member');

  const token = newInvitationToken();
  const link = invitationLink(token);
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 3600_000);
  try {
    const invitationId = await db().$transaction(async (tx) => {
      // An expired invitation still holds the "one open invitation" slot.
      await tx.merchantInvitation.updateMany({
        where: {
          merchantId: actor.merchantId,
          email: input.email,
          acceptedAt: null,
          revokedAt: null,
          expiresAt: { lte: now },
        },
        data: { revokedAt: now },
      });
      const invitation = await tx.merchantInvitation.create({
        data: {
          merchantId: actor.merchantId,
          email: input.email,
          role: input.role,
          tokenHash: hashInvitationToken(token),
          invitedBy: actor.userId,
          expiresAt,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordAuditEvent(
        {
          action: 'member.invited',
          outcome: 'success',
          actorUserId: actor.userId,
          actorEmail: actor.email,
          merchantId: actor.merchantId,
          targetType: 'invitation',
          targetId: invitation.id,
          context,
          details: { email: input.email, role: input.role },
        },
        tx,
      );
      await queueMail(
        {
          to: input.email,
          kind: 'invitation',
          merchantId: actor.merchantId,
          subject: `${actor.email} invited you to join ${merchant.businessName}`,
          body:
            `${actor.email} invited you to join the team of ${merchant.businessName} as ${ROLE_LABELS[input.role]}.\n` +
            `${ROLE_DESCRIPTIONS[input.role]}\n\n` +
            `Accept the invitation here (sign in or create an account with this email address, ${input.email}):\n${link}\n\n` +
            `The link works once and expires on ${expiresAt.toUTCString()}. If you were not expecting it, ignore this mail.`,
        },
        tx,
      );
      return invitation.id;
    });
    return { invitationId, link };
  } catch (err) {
    // The partial unique index on open invitations, hit by a live invitation
    // or by a concurrent invite of the same address.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')
      throw new TeamError('already_invited');
    throw err;
  }
}
