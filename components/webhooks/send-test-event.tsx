'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { initialState, type FormAction } from '@/components/account/form-action';
import { ActionFeedback, SelectField, SubmitButton } from '@/components/forms';

/** "Send test event": a sample event of the chosen type to this endpoint only, signed like any other. */
export function SendTestEvent({
  endpointId,
  eventTypes,
  action,
}: {
  endpointId: string;
  eventTypes: readonly string[];
  action: FormAction;
}) {
  const [state, send] = useActionState(action, initialState);
  return (
    <form action={send} className="space-y-3">
      <CsrfField />
      <input type="hidden" name="endpoint" value={endpointId} />
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label="Event type"
          name="type"
          options={eventTypes.map((t) => ({ value: t, label: t }))}
          defaultValue="payment_intent.succeeded"
          error={state.fieldErrors?.type}
          className="min-w-72"
        />
        <SubmitButton variant="secondary">Send test event</SubmitButton>
      </div>
      <ActionFeedback state={state} />
    </form>
  );
}
