import type { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { CSRF_FIELD, csrfTokenMatches } from './csrf';
import { getMerchantContext, requireViewer, type MerchantContext, type Viewer } from './current';
import { can, type Permission } from './permissions';
import { requestContext, type RequestContext } from './request-context';
import { redirect } from 'next/navigation';

/**
 * The one wrapper every dashboard server action goes through: session, CSRF
 * token, permission, input validation, in that order. Handlers receive parsed
 * input and the caller's context and return what the form shows next.
 * (Use with React's useActionState: `(prev, formData) => state`.)
 */
export interface ActionState {
  ok: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Anything the form must show once (e.g. new recovery codes). */
  data?: Record<string, unknown>;
  /**
   * What was submitted, when validation failed: React resets a form after its
   * action, so fields re-show these as their defaultValue. Secrets are left out.
   */
  values?: Record<string, string>;
}

export const initialActionState: ActionState = { ok: false };

const DENIED = "You don't have permission to do that.";
const STALE = 'Your session has changed. Reload the page and try again.';

function formFields(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key === CSRF_FIELD || key.startsWith('$ACTION')) continue;
    if (typeof value !== 'string') continue;
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export async function guard(
  viewer: Viewer,
  formData: FormData,
  merchantId: string | null,
): Promise<{ context: RequestContext; rejected?: ActionState }> {
  const context = await requestContext();
  if (!csrfTokenMatches(viewer.session.csrfToken, formData.get(CSRF_FIELD))) {
    await recordAuditEvent({ action: 'csrf.rejected', outcome: 'denied', actorUserId: viewer.user.userId, actorEmail: viewer.user.email, merchantId, context });
    return { context, rejected: { ok: false, error: STALE } };
  }
  return { context };
}

export function validate<S extends z.ZodType>(schema: S, formData: FormData): { data?: z.infer<S>; state?: ActionState } {
  const parsed = schema.safeParse(formFields(formData));
  if (parsed.success) return { data: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || '_';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { state: { ok: false, error: 'Please correct the highlighted fields.', fieldErrors, values: echoValues(formData) } };
}

// Passwords and one-time codes are never sent back to the browser.
const SECRET_FIELD = /password|code|secret|token/i;

export function echoValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(formFields(formData))) {
    if (!SECRET_FIELD.test(key)) out[key] = Array.isArray(value) ? (value[0] ?? '') : value;
  }
  return out;
}

/** A server action on the signed-in user's own account (security settings). */
export function userAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.infer<S>, viewer: Viewer, context: RequestContext) => Promise<ActionState>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const viewer = await requireViewer();
    const { context, rejected } = await guard(viewer, formData, null);
    if (rejected) return rejected;
    const { data, state } = validate(schema, formData);
    if (state) return state;
    return handler(data as z.infer<S>, viewer, context);
  };
}

/** A server action on the current merchant, gated by a team permission. */
export function merchantAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, ctx: MerchantContext, context: RequestContext) => Promise<ActionState>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const ctx = await getMerchantContext();
    if (!ctx) redirect('/onboarding');
    const { context, rejected } = await guard(ctx, formData, ctx.merchant.id);
    if (rejected) return rejected;
    if (!can(ctx.role, permission)) {
      await recordAuditEvent({
        action: 'permission.denied',
        outcome: 'denied',
        actorUserId: ctx.user.userId,
        actorEmail: ctx.user.email,
        merchantId: ctx.merchant.id,
        context,
        details: { permission, role: ctx.role },
      });
      return { ok: false, error: DENIED };
    }
    const { data, state } = validate(schema, formData);
    if (state) return state;
    return handler(data as z.infer<S>, ctx, context);
  };
}
