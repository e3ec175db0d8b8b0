'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { userAction } from '@/lib/auth/action';
import { changePassword, changePasswordSchema } from '@/lib/account/change-password';
import { confirmTotpEnrollment, confirmTotpSchema } from '@/lib/account/confirm-totp-enrollment';
import { disableTotp, disableTotpSchema } from '@/lib/account/disable-totp';
import { accountErrorState } from '@/lib/account/errors';
import {
  regenerateRecoveryCodes,
  regenerateRecoveryCodesSchema,
} from '@/lib/account/regenerate-recovery-codes';
import { revokeOtherSessions, revokeOwnSession, revokeSessionSchema } from '@/lib/account/revoke-session';
import { cancelTotpEnrollment, startTotpEnrollment } from '@/lib/account/start-totp-enrollment';

/**
 * The security page's server actions: each one is userAction (session, CSRF,
 * strict input schema) around one use case in lib/account.
 */
const PAGE = '/account/security';
const noInput = z.strictObject({});

export const changePasswordAction = userAction(changePasswordSchema, async (input, viewer, context) => {
  try {
    const { otherSessionsEnded } = await changePassword(
      {
        userId: viewer.user.userId,
        currentSessionId: viewer.session.id,
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
      },
      context,
    );
    revalidatePath(PAGE);
    const others =
      otherSessionsEnded === 0
        ? ''
        : ` ${otherSessionsEnded} other ${otherSessionsEnded === 1 ? 'session was' : 'sessions were'} signed out.`;
    return { ok: true, message: `Your password was changed.${others}` };
  } catch (err) {
    return accountErrorState(err);
  }
});

export const startTotpAction = userAction(noInput, async (_input, viewer) => {
  try {
    await startTotpEnrollment(viewer.user.userId);
    revalidatePath(PAGE);
    return { ok: true };
  } catch (err) {
    return accountErrorState(err);
  }
});

export const cancelTotpAction = userAction(noInput, async (_input, viewer) => {
  await cancelTotpEnrollment(viewer.user.userId);
  revalidatePath(PAGE);
  return { ok: true, message: 'Two-factor setup cancelled.' };
});

// No revalidation here: the page would re-render as "on" and drop the codes
// before they were shown. The "I have saved them" button refreshes it.
export const confirmTotpAction = userAction(confirmTotpSchema, async (input, viewer, context) => {
  try {
    const { recoveryCodes } = await confirmTotpEnrollment(
      { userId: viewer.user.userId, code: input.code },
      context,
    );
    return { ok: true, message: 'Two-factor authentication is on.', data: { recoveryCodes } };
  } catch (err) {
    return accountErrorState(err);
  }
});

export const regenerateRecoveryCodesAction = userAction(
  regenerateRecoveryCodesSchema,
  async (input, viewer, context) => {
    try {
      const { recoveryCodes } = await regenerateRecoveryCodes(
        { userId: viewer.user.userId, password: input.password },
        context,
      );
      return {
        ok: true,
        message: 'New recovery codes were created. Your earlier codes no longer work.',
        data: { recoveryCodes },
      };
    } catch (err) {
      return accountErrorState(err);
    }
  },
);

export const disableTotpAction = userAction(disableTotpSchema, async (input, viewer, context) => {
  try {
    await disableTotp({ userId: viewer.user.userId, password: input.password, code: input.code }, context);
    revalidatePath(PAGE);
    return { ok: true, message: 'Two-factor authentication is off.' };
  } catch (err) {
    return accountErrorState(err);
  }
});

export const revokeSessionAction = userAction(revokeSessionSchema, async (input, viewer, context) => {
  try {
    await revokeOwnSession(
      { userId: viewer.user.userId, email: viewer.user.email, sessionId: viewer.session.id },
      input.session,
      context,
    );
    revalidatePath(PAGE);
    return { ok: true, message: 'That session was signed out.' };
  } catch (err) {
    return accountErrorState(err);
  }
});

export const revokeOtherSessionsAction = userAction(noInput, async (_input, viewer, context) => {
  const ended = await revokeOtherSessions(
    { userId: viewer.user.userId, email: viewer.user.email, sessionId: viewer.session.id },
    context,
  );
  revalidatePath(PAGE);
  return {
    ok: true,
    message:
      ended === 0
        ? 'No other sessions were signed in.'
        : `Signed out of ${ended} other ${ended === 1 ? 'session' : 'sessions'}.`,
  };
});
