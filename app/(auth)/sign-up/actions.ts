'use server';

import type { ActionState } from '@/lib/auth/action';
import { requestContext } from '@/lib/auth/request-context';
import { EmailTakenError, signUp, signUpSchema } from '@/lib/auth/sign-up';
import { formText } from '@/components/forms/form-text';

/**
 * The one public, signed-out form that posts to a server action, so it cannot
 * use userAction (no session, hence no CSRF token yet). Cross-site posts are
 * stopped by Next.js's own Origin check on server actions and by SameSite=Lax
 * cookies; and a forged sign-up would only create an account the attacker
 * chose, never act as the victim. The browser signs in afterwards through
 * next-auth (credentials provider), which has its own CSRF token.
 */
export async function signUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const fields = {
    name: formText(formData, 'name'),
    email: formText(formData, 'email'),
    password: formText(formData, 'password'),
  };
  const values = { name: fields.name, email: fields.email };
  const parsed = signUpSchema.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues)
      (fieldErrors[String(issue.path[0] ?? '_')] ??= []).push(issue.message);
    return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors, values };
  }
  try {
    await signUp(parsed.data, await requestContext());
  } catch (err) {
    if (!(err instanceof EmailTakenError)) throw err;
    return {
      ok: false,
      error: 'Please correct the highlighted fields.',
      fieldErrors: { email: ['An account with this email already exists. Sign in instead.'] },
      values,
    };
  }
  return { ok: true };
}
