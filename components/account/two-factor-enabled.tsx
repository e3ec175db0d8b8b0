'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { ActionFeedback, Field, SubmitButton } from '@/components/forms';
import { initialState, type FormAction } from './form-action';
import { RecoveryCodes } from './recovery-codes';

export function RegenerateRecoveryCodes({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, initialState);
  const codes =
    state.ok && Array.isArray(state.data?.recoveryCodes) ? (state.data.recoveryCodes as string[]) : null;
  return (
    <div className="space-y-4">
      <h3 className="text-base font-semibold text-slate-900">Recovery codes</h3>
      {codes ? (
        <RecoveryCodes codes={codes} />
      ) : (
        <form action={formAction} className="max-w-sm space-y-4">
          <CsrfField />
          <p className="text-sm text-slate-600">
            Make a new set of ten codes. The current ones stop working.
          </p>
          <ActionFeedback state={state} />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={state.fieldErrors?.password}
          />
          <SubmitButton variant="secondary" pendingLabel="Creating codes…">
            Create new recovery codes
          </SubmitButton>
        </form>
      )}
    </div>
  );
}

export function DisableTwoFactor({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, initialState);
  return (
    <form action={formAction} className="max-w-sm space-y-4">
      <CsrfField />
      <h3 className="text-base font-semibold text-slate-900">Turn off two-factor</h3>
      <p className="text-sm text-slate-600">
        Signing in will need only your password. Confirm with your password and a code.
      </p>
      <ActionFeedback state={state} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.password}
      />
      <Field
        label="Code from your app or a recovery code"
        name="code"
        autoComplete="one-time-code"
        maxLength={40}
        required
        error={state.fieldErrors?.code}
      />
      <SubmitButton variant="danger" pendingLabel="Turning off…">
        Turn off two-factor
      </SubmitButton>
    </form>
  );
}
