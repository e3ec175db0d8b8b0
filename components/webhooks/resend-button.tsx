'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { initialState, type FormAction } from '@/components/account/form-action';
import { ActionFeedback, SubmitButton } from '@/components/forms';

/** "Resend" one event to one endpoint: a fresh delivery, whatever happened before. */
export function ResendButton({
  endpointId,
  eventId,
  action,
  label = 'Resend',
}: {
  endpointId: string;
  eventId: string;
  action: FormAction;
  label?: string;
}) {
  const [state, resend] = useActionState(action, initialState);
  return (
    <form action={resend} className="space-y-2">
      <CsrfField />
      <input type="hidden" name="endpoint" value={endpointId} />
      <input type="hidden" name="event" value={eventId} />
      <SubmitButton variant="secondary" className="px-3 py-1.5 text-xs" aria-label={`${label} ${eventId}`}>
        {label}
      </SubmitButton>
      <ActionFeedback state={state} className="text-xs" />
    </form>
  );
}
