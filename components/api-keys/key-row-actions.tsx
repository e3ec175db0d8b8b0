'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { initialState, type FormAction } from '@/components/account/form-action';
import { FormError, SubmitButton } from '@/components/forms';
import { controlClass } from '@/components/forms/field-parts';
import { NewKeyReveal } from './new-key-reveal';

const ROLL_OPTIONS = [
  { value: 'now', label: 'Now' },
  { value: '1h', label: 'In 1 hour' },
  { value: '24h', label: 'In 24 hours' },
  { value: '3d', label: 'In 3 days' },
  { value: '7d', label: 'In 7 days' },
];

/** Roll (choosing when the old key stops) and Revoke for one key, each confirmed first. */
export function KeyRowActions({
  keyId,
  label,
  canRoll,
  rollAction,
  revokeAction,
}: {
  keyId: string;
  label: string;
  /** Expired keys cannot be rolled (the row stays mounted so a just-rolled key is still shown). */
  canRoll: boolean;
  rollAction: FormAction;
  revokeAction: FormAction;
}) {
  const [rollState, roll] = useActionState(rollAction, initialState);
  const [revokeState, revoke] = useActionState(revokeAction, initialState);
  const newKey = rollState.ok && typeof rollState.data?.key === 'string' ? rollState.data.key : null;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-nowrap items-start justify-end gap-2">
        {canRoll ? (
          <details className="group">
            <summary className="cursor-pointer list-none rounded-lg px-3 py-2 text-sm font-semibold text-indigo-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50">
              Roll…
            </summary>
            <form
              action={roll}
              onSubmit={(e) => {
                if (
                  !window.confirm(
                    `Roll ${label}? A new key is issued; the old one stops at the time you chose.`,
                  )
                )
                  e.preventDefault();
              }}
              className="mt-2 flex w-64 flex-col gap-2 rounded-lg bg-white p-3 text-left shadow-sm ring-1 ring-slate-200"
            >
              <CsrfField />
              <input type="hidden" name="keyId" value={keyId} />
              <label htmlFor={`roll-${keyId}`} className="text-sm font-medium text-slate-900">
                Old key stops working
              </label>
              <select id={`roll-${keyId}`} name="expires_in" defaultValue="24h" className={controlClass}>
                {ROLL_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              <SubmitButton aria-label={`Roll ${label}`}>Roll key</SubmitButton>
            </form>
          </details>
        ) : null}
        <form
          action={revoke}
          onSubmit={(e) => {
            if (!window.confirm(`Revoke ${label}? Requests with it fail at once. This cannot be undone.`))
              e.preventDefault();
          }}
        >
          <CsrfField />
          <input type="hidden" name="keyId" value={keyId} />
          <SubmitButton variant="secondary" className="text-red-700" aria-label={`Revoke ${label}`}>
            Revoke
          </SubmitButton>
        </form>
      </div>
      {newKey ? (
        <div className="w-full max-w-md text-left">
          <NewKeyReveal apiKey={newKey} />
        </div>
      ) : null}
      <FormError className="max-w-xs text-left">{rollState.error ?? revokeState.error}</FormError>
    </div>
  );
}
