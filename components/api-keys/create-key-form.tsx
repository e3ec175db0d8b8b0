'use client';

import { useActionState, useState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { initialState, type FormAction } from '@/components/account/form-action';
import { ActionFeedback, Field, SelectField, SubmitButton } from '@/components/forms';
import { NewKeyReveal } from './new-key-reveal';
import { PermissionsGrid } from './permissions-grid';

const TYPES = [
  { value: 'secret', label: 'Secret key: full API access from your server' },
  { value: 'publishable', label: 'Publishable key: for hosted checkout in the browser' },
  { value: 'restricted', label: 'Restricted key: only the resources you choose' },
];

export function CreateKeyForm({ action, mode }: { action: FormAction; mode: 'test' | 'live' }) {
  const [state, formAction] = useActionState(action, initialState);
  const [type, setType] = useState(state.values?.type ?? 'secret');
  const key = state.ok && typeof state.data?.key === 'string' ? state.data.key : null;
  const name = typeof state.data?.name === 'string' ? state.data.name : null;
  return (
    <div className="space-y-6">
      {key ? <NewKeyReveal apiKey={key} name={name} /> : null}
      <form action={formAction} className="space-y-5">
        <CsrfField />
        <div className="grid gap-5 sm:grid-cols-2">
          <SelectField
            label="Type"
            name="type"
            options={TYPES}
            defaultValue={type}
            onChange={(e) => setType(e.currentTarget.value)}
            error={state.fieldErrors?.type}
          />
          <Field
            label="Name"
            name="name"
            required
            maxLength={100}
            placeholder="e.g. Production server"
            defaultValue={state.ok ? '' : state.values?.name}
            error={state.fieldErrors?.name}
          />
          <Field
            label="Expires on"
            name="expires_on"
            type="date"
            hint="Optional. The key stops working at 00:00 UTC that day."
            defaultValue={state.ok ? '' : state.values?.expires_on}
            error={state.fieldErrors?.expires_on}
          />
        </div>
        {type === 'restricted' ? <PermissionsGrid /> : null}
        <ActionFeedback state={state} />
        <SubmitButton pendingLabel="Creating…">Create {mode} key</SubmitButton>
      </form>
    </div>
  );
}
