'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { initialState, type FormAction } from '@/components/account/form-action';
import { ActionFeedback, SelectField, SubmitButton } from '@/components/forms';

const OVERLAP_OPTIONS = [
  { value: 'now', label: 'Now (the old secret stops at once)' },
  { value: '1h', label: 'In 1 hour' },
  { value: '24h', label: 'In 24 hours' },
  { value: '7d', label: 'In 7 days' },
];

const TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function Secret({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <p className="text-sm font-medium text-slate-900">{label}</p>
      <input
        readOnly
        aria-label={label}
        value={value}
        onFocus={(e) => e.currentTarget.select()}
        className="mt-1 w-full rounded-lg border-0 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-slate-300 ring-inset"
      />
    </div>
  );
}

/**
 * The signing secret, hidden until "Reveal" (audited), and "Roll secret" with
 * the overlap during which both the old and the new secret sign deliveries.
 */
export function SigningSecret({
  endpointId,
  canWrite,
  revealAction,
  rollAction,
}: {
  endpointId: string;
  canWrite: boolean;
  revealAction: FormAction;
  rollAction: FormAction;
}) {
  const [revealed, reveal] = useActionState(revealAction, initialState);
  const [rolled, roll] = useActionState(rollAction, initialState);
  const shown = revealed.ok
    ? (revealed.data as { secret: string; previous: { secret: string; expiresAt: string } | null })
    : null;
  const newSecret = rolled.ok ? (rolled.data as { secret: string }).secret : null;
  return (
    <div className="space-y-5">
      {newSecret ? (
        <Secret label="New signing secret" value={newSecret} />
      ) : shown ? (
        <div className="space-y-3">
          <Secret label="Current signing secret" value={shown.secret} />
          {shown.previous ? (
            <>
              <Secret label="Previous signing secret" value={shown.previous.secret} />
              <p className="text-xs text-slate-600">
                The previous secret also signs deliveries until{' '}
                {TIME.format(new Date(shown.previous.expiresAt))} UTC.
              </p>
            </>
          ) : null}
        </div>
      ) : (
        <p className="font-mono text-sm text-slate-700">
          <span className="sr-only">The signing secret is hidden. </span>
          <span aria-hidden="true">whsec_••••••••••••••••••••••••</span>
        </p>
      )}
      {canWrite ? (
        <div className="flex flex-wrap items-start gap-4">
          {!shown && !newSecret ? (
            <form action={reveal}>
              <CsrfField />
              <input type="hidden" name="endpoint" value={endpointId} />
              <SubmitButton variant="secondary">Reveal</SubmitButton>
            </form>
          ) : null}
          <details className="group">
            <summary className="cursor-pointer list-none rounded-lg px-4 py-2 text-sm font-semibold text-indigo-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50">
              Roll secret…
            </summary>
            <form
              action={roll}
              onSubmit={(e) => {
                if (!window.confirm('Roll the signing secret? Your receiver needs the new secret.'))
                  e.preventDefault();
              }}
              className="mt-2 flex w-72 flex-col gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
            >
              <CsrfField />
              <input type="hidden" name="endpoint" value={endpointId} />
              <SelectField
                label="Old secret stops signing"
                name="overlap"
                options={OVERLAP_OPTIONS}
                defaultValue="24h"
                error={rolled.fieldErrors?.overlap}
              />
              <SubmitButton>Roll secret</SubmitButton>
            </form>
          </details>
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          Developers, administrators and owners can reveal and roll the secret.
        </p>
      )}
      <ActionFeedback state={revealed.ok ? { ok: false } : revealed} />
      <ActionFeedback state={rolled} />
    </div>
  );
}
