'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { initialState, type FormAction } from '@/components/account/form-action';
import { ActionFeedback, Field, SubmitButton } from '@/components/forms';

/** Enable / disable, and Delete behind a typed confirmation. */
export function EndpointControls({
  endpointId,
  status,
  statusAction,
  deleteAction,
}: {
  endpointId: string;
  status: 'enabled' | 'disabled';
  statusAction: FormAction;
  deleteAction: FormAction;
}) {
  const [statusState, setStatus] = useActionState(statusAction, initialState);
  const [deleteState, remove] = useActionState(deleteAction, initialState);
  return (
    <div className="space-y-4">
      <form action={setStatus} className="flex flex-wrap items-center gap-3">
        <CsrfField />
        <input type="hidden" name="endpoint" value={endpointId} />
        <input type="hidden" name="status" value={status === 'enabled' ? 'disabled' : 'enabled'} />
        <SubmitButton variant="secondary">
          {status === 'enabled' ? 'Disable endpoint' : 'Enable endpoint'}
        </SubmitButton>
        <p className="text-sm text-slate-600">
          {status === 'enabled'
            ? 'A disabled endpoint receives nothing until it is enabled again.'
            : 'Enabling it resumes deliveries of new events.'}
        </p>
      </form>
      <ActionFeedback state={statusState} />
      <details className="rounded-lg ring-1 ring-red-200">
        <summary className="cursor-pointer px-4 py-2 text-sm font-semibold text-red-700">
          Delete endpoint…
        </summary>
        <form
          action={remove}
          className="space-y-3 px-4 pb-4"
          onSubmit={(e) => {
            if (!window.confirm('Delete this endpoint? Deliveries to it stop at once.')) e.preventDefault();
          }}
        >
          <CsrfField />
          <input type="hidden" name="endpoint" value={endpointId} />
          <p className="text-sm text-slate-700">
            Deliveries stop at once, including retries. Its delivery log stays readable from the events it
            received. This cannot be undone.
          </p>
          <Field
            label='Type "delete" to confirm'
            name="confirm"
            required
            autoComplete="off"
            error={deleteState.fieldErrors?.confirm}
          />
          <ActionFeedback state={deleteState} />
          <SubmitButton variant="danger">Delete endpoint</SubmitButton>
        </form>
      </details>
    </div>
  );
}
