'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { ActionFeedback, Field, SubmitButton } from '@/components/forms';
import { initialState, type FormAction } from './form-action';

export function ChangePasswordForm({ action, minLength }: { action: FormAction; minLength: number }) {
  const [state, formAction] = useActionState(action, initialState);
  return (
    <form action={formAction} className="max-w-md space-y-5">
      <CsrfField />
      <ActionFeedback state={state} />
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        hint={`At least ${minLength} characters, with a letter and a digit. Not one of your last four passwords.`}
        error={state.fieldErrors?.newPassword}
      />
      <Field
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={state.fieldErrors?.confirmPassword}
      />
      <SubmitButton pendingLabel="Changing password…">Change password</SubmitButton>
    </form>
  );
}
