'use client';

import { signIn } from 'next-auth/react';
import { useState, useTransition, type FormEvent } from 'react';
import { Field } from '@/components/forms/field';
import { FormError } from '@/components/forms/form-status';
import { buttonClass } from '@/components/forms/button-class';
import { signInErrorMessage } from '@/lib/auth/errors';
import { formText } from '@/components/forms/form-text';

/**
 * Email and password through next-auth's credentials provider. When the
 * account has two-factor on, the first answer is `two_factor_required`; the
 * form then asks for the code and sends all three again (nothing is kept on
 * the server between the two submits).
 */
export function SignInForm({
  callbackUrl,
  initialError,
}: {
  callbackUrl: string;
  initialError: string | null;
}) {
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<string | null>(initialError);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = formText(form, 'email');
    const password = formText(form, 'password');
    // Only send `code` when asked for it: next-auth would post an undefined value as "undefined".
    const credentials: Record<string, string> = { email, password };
    if (needsCode) credentials.code = formText(form, 'code').trim();
    startTransition(async () => {
      const result = await signIn('credentials', { ...credentials, redirect: false });
      if (result && !result.error && result.ok) {
        // A full load: every server component renders afresh with the new session.
        window.location.assign(callbackUrl);
        return;
      }
      const reason = result?.error ?? 'unavailable';
      if (reason === 'two_factor_required') {
        setNeedsCode(true);
        setError(null);
        return;
      }
      setError(signInErrorMessage(reason));
    });
  }

  return (
    <form onSubmit={onSubmit} className="mt-8 space-y-5" noValidate>
      <FormError>{error}</FormError>
      <Field label="Email" name="email" type="email" autoComplete="username" required readOnly={needsCode} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        readOnly={needsCode}
      />
      {needsCode ? (
        <Field
          label="Authentication code"
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          required
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        />
      ) : null}
      <button type="submit" disabled={pending} className={`${buttonClass.primary} w-full`}>
        {pending ? 'Signing in…' : needsCode ? 'Verify and sign in' : 'Sign in'}
      </button>
      {needsCode ? (
        <button
          type="button"
          onClick={() => {
            setNeedsCode(false);
            setError(null);
          }}
          className="w-full text-center text-sm font-medium text-slate-600 hover:text-slate-900"
        >
          Use a different account
        </button>
      ) : null}
    </form>
  );
}
