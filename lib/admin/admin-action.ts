import type { z } from 'zod';
import { guard, validate, type ActionState } from '@/lib/auth/action';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { requireViewer, type Viewer } from '@/lib/auth/current';
import type { RequestContext } from '@/lib/auth/request-context';

/**
 * The wrapper for every platform-console server action, mirroring
 * merchantAction (lib/auth/action.ts) for operators: session, CSRF token,
 * platform admin with two-factor on, input validation, in that order. The
 * pages check the same with requirePlatformAdmin(); an action is a separate
 * entry point (anyone can POST to it), so it checks again.
 */
const DENIED = "You don't have permission to do that.";

export function isPlatformAdmin(viewer: Viewer): boolean {
  return viewer.user.role === 'admin' && viewer.user.twoFactorEnabled;
}

export function adminAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.infer<S>, viewer: Viewer, context: RequestContext) => Promise<ActionState>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const viewer = await requireViewer();
    const { context, rejected } = await guard(viewer, formData, null);
    if (rejected) return rejected;
    if (!isPlatformAdmin(viewer)) {
      await recordAuditEvent({
        action: 'permission.denied',
        outcome: 'denied',
        actorUserId: viewer.user.userId,
        actorEmail: viewer.user.email,
        context,
        details: {
          permission: 'platform:admin',
          role: viewer.user.role,
          two_factor: viewer.user.twoFactorEnabled,
        },
      });
      return { ok: false, error: DENIED };
    }
    const { data, state } = validate(schema, formData);
    if (state) return state;
    return handler(data as z.infer<S>, viewer, context);
  };
}
