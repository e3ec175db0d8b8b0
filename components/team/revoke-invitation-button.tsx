'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { initialState, type FormAction } from '@/components/account/form-action';
import { FormError, SubmitButton } from '@/components/forms';

export function RevokeInvitationButton({
  invitationId,
  email,
  action,
}: {
  invitationId: string;
  email: string;
  action: FormAction;
}) {
  const [state, formAction] = useActionState(action, initialState);
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      <CsrfField />
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="secondary" aria-label={`Revoke the invitation to ${email}`}>
        Revoke
      </SubmitButton>
      <FormError className="max-w-xs text-left">{state.error}</FormError>
    </form>
  );
}
