'use server';

import { revalidatePath } from 'next/cache';
import { merchantAction } from '@/lib/auth/action';
import type { MerchantContext } from '@/lib/auth/current';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import type { TeamActor } from '@/lib/team/actor';
import { changeMemberRole, changeMemberRoleSchema } from '@/lib/team/change-member-role';
import { teamErrorState } from '@/lib/team/errors';
import { inviteMember, inviteMemberSchema } from '@/lib/team/invite-member';
import { removeMember, removeMemberSchema } from '@/lib/team/remove-member';
import { revokeInvitation, revokeInvitationSchema } from '@/lib/team/revoke-invitation';
import { INVITATION_TTL_DAYS } from '@/lib/team/invitation-token';

/**
 * Team server actions: merchantAction checks session, CSRF and team:write
 * before any of these run; the merchant is always the session's, never a
 * value from the form.
 */
const PAGE = '/dashboard/settings/team';

const actorOf = (ctx: MerchantContext): TeamActor => ({
  merchantId: ctx.merchant.id,
  userId: ctx.user.userId,
  email: ctx.user.email,
  role: ctx.role,
});

export const inviteMemberAction = merchantAction(
  'team:write',
  inviteMemberSchema,
  async (input, ctx, context) => {
    try {
      await inviteMember(actorOf(ctx), input, context);
      revalidatePath(PAGE);
      return {
        ok: true,
        message: `Invitation sent to ${input.email} as ${ROLE_LABELS[input.role]}. The link works for ${INVITATION_TTL_DAYS} days.`,
      };
    } catch (err) {
      return { ...teamErrorState(err), data: { email: input.email } };
    }
  },
);

export const revokeInvitationAction = merchantAction(
  'team:write',
  revokeInvitationSchema,
  async (input, ctx, context) => {
    try {
      await revokeInvitation(actorOf(ctx), input.invitationId, context);
      revalidatePath(PAGE);
      return { ok: true, message: 'Invitation revoked.' };
    } catch (err) {
      return teamErrorState(err);
    }
  },
);

export const changeMemberRoleAction = merchantAction(
  'team:write',
  changeMemberRoleSchema,
  async (input, ctx, context) => {
    try {
      const { to } = await changeMemberRole(actorOf(ctx), input, context);
      revalidatePath(PAGE);
      return { ok: true, message: `Role changed to ${ROLE_LABELS[to]}.` };
    } catch (err) {
      return teamErrorState(err);
    }
  },
);

export const removeMemberAction = merchantAction(
  'team:write',
  removeMemberSchema,
  async (input, ctx, context) => {
    try {
      await removeMember(actorOf(ctx), input.userId, context);
      revalidatePath(PAGE);
      return { ok: true, message: 'Member removed.' };
    } catch (err) {
      return teamErrorState(err);
    }
  },
);
