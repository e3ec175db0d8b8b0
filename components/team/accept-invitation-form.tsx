'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { initialState, type FormAction } from '@/components/account/form-action';
import { FormError, SubmitButton } from '@/components/forms';

export function AcceptInvitationForm({ token, action }: { token: string; action: FormAction }) {
  const [state, formAction] = useActionState(action, initialState);
  return (
    <form action={formAction} className="space-y-4">
      <CsrfField />
      <input type="hidden" name="token" value={token} />
      <FormError>{state.error}</FormError>
      <SubmitButton pendingLabel="Joining…" className="w-full">
        Accept invitation
      </SubmitButton>
    </form>
  );
}
