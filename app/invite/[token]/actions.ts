'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/auth/action';
import { updateSession } from '@/lib/auth/sessions';
import { acceptInvitation, acceptInvitationSchema } from '@/lib/team/accept-invitation';
import { teamErrorState } from '@/lib/team/errors';

/** Accepts the invitation as the signed-in person, then opens the team's dashboard. */
export const acceptInvitationAction = userAction(acceptInvitationSchema, async (input, viewer, context) => {
  let merchantId: string;
  try {
    ({ merchantId } = await acceptInvitation(
      { token: input.token, user: { userId: viewer.user.userId, email: viewer.user.email } },
      context,
    ));
  } catch (err) {
    return teamErrorState(err);
  }
  // Show the merchant just joined, not the first one the person belonged to.
  await updateSession(viewer.session.id, { merchantId, mode: 'test' });
  redirect('/dashboard');
});
