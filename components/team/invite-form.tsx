'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { initialState, type FormAction } from '@/components/account/form-action';
import { ActionFeedback, Field, SelectField, SubmitButton, type SelectOption } from '@/components/forms';

export function InviteForm({
  action,
  roles,
  note,
}: {
  action: FormAction;
  roles: SelectOption[];
  note?: string;
}) {
  const [state, formAction] = useActionState(action, initialState);
  // React resets a form after its action; on a refusal, put the address back.
  const email = !state.ok && typeof state.data?.email === 'string' ? state.data.email : '';
  return (
    <form action={formAction} className="space-y-4">
      <CsrfField />
      <ActionFeedback state={state} />
      {state.ok && note ? <p className="text-sm text-slate-600">{note}</p> : null}
      <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-start">
        <Field
          key={email}
          label="Email address"
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={email}
          error={state.fieldErrors?.email}
        />
        <SelectField
          label="Role"
          name="role"
          options={roles}
          defaultValue="analyst"
          required
          error={state.fieldErrors?.role}
        />
        <div className="sm:pt-7">
          <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
        </div>
      </div>
    </form>
  );
}
