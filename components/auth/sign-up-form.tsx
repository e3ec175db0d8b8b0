'use client';

import { signIn } from 'next-auth/react';
import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { FormError } from '@/components/forms/form-status';
import { SubmitButton } from '@/components/forms/submit-button';
import type { ActionState } from '@/lib/auth/action';
import { signInErrorMessage } from '@/lib/auth/errors';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/auth/password-policy';
import { formText } from '@/components/forms/form-text';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Creates the account on the server, then signs in through next-auth with the
 * same credentials (still in this form) and continues to onboarding.
 */
export function SignUpForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(
    async (prev: ActionState, formData: FormData): Promise<ActionState> => {
      const created = await action(prev, formData);
      if (!created.ok) return created;
      const result = await signIn('credentials', {
        email: formText(formData, 'email'),
        password: formText(formData, 'password'),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign('/onboarding');
        // Keep the button busy until the browser has left.
        return new Promise<ActionState>(() => undefined);
      }
      return {
        ok: false,
        error: `Your account was created, but signing in failed: ${signInErrorMessage(result?.error ?? 'unavailable')}`,
      };
    },
    { ok: false },
  );

  const v = state.values ?? {};
  return (
    <form action={formAction} className="mt-8 space-y-5" noValidate>
      <FormError>{state.error}</FormError>
      <Field
        label="Your name"
        name="name"
        autoComplete="name"
        required
        defaultValue={v.name}
        error={state.fieldErrors?.name}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={v.email}
        error={state.fieldErrors?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        error={state.fieldErrors?.password}
        hint={`At least ${PASSWORD_MIN} characters, with at least one letter and one digit.`}
      />
      <SubmitButton className="w-full" pendingLabel="Creating account…">
        Create account
      </SubmitButton>
    </form>
  );
}
