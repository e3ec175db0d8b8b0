'use client';

import { useActionState, useId } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { ActionFeedback, Field, SubmitButton } from '@/components/forms';
import { controlClass, FieldErrorText, FieldHint, FieldLabel } from '@/components/forms/field-parts';
import type { ActionState } from '@/lib/auth/action';
import type { StatusAction } from '@/lib/admin/merchant-status';

// Not imported from lib/auth/action.ts: that module is server-only.
const INITIAL: ActionState = { ok: false };

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The status changes this merchant's current status allows (the page passes
 * them from lib/admin/merchant-status.ts). All forms share one action state, so
 * the outcome stays on screen after the page re-renders with the new status.
 */
export function MerchantStatusActions({
  merchantId,
  businessName,
  allowed,
  action,
}: {
  merchantId: string;
  businessName: string;
  allowed: StatusAction[];
  action: Action;
}) {
  const [state, formAction] = useActionState(action, INITIAL);
  const hidden = (a: StatusAction) => (
    <>
      <CsrfField />
      <input type="hidden" name="merchant_id" value={merchantId} />
      <input type="hidden" name="action" value={a} />
    </>
  );

  return (
    <div className="space-y-5">
      <ActionFeedback state={state} />
      {allowed.length === 0 ? (
        <p className="text-sm text-slate-600">
          This merchant is closed. Closing is permanent, so there is nothing more to do here.
        </p>
      ) : null}

      {allowed.includes('approve') ? (
        <form action={formAction} className="space-y-2">
          {hidden('approve')}
          <p className="text-sm text-slate-600">
            Activates the account and marks it verified; verification notes are cleared.
          </p>
          <SubmitButton pendingLabel="Approving…">Approve merchant</SubmitButton>
        </form>
      ) : null}

      {allowed.includes('reactivate') ? (
        <form action={formAction} className="space-y-2">
          {hidden('reactivate')}
          <p className="text-sm text-slate-600">Lifts the suspension; the account is active again.</p>
          <SubmitButton pendingLabel="Reactivating…">Reactivate merchant</SubmitButton>
        </form>
      ) : null}

      {allowed.includes('suspend') ? (
        <form action={formAction} className="space-y-3">
          {hidden('suspend')}
          <ReasonField error={state.fieldErrors?.reason} />
          <SubmitButton variant="danger" pendingLabel="Suspending…">
            Suspend merchant
          </SubmitButton>
        </form>
      ) : null}

      {allowed.includes('close') ? (
        <form action={formAction} className="space-y-3 border-t border-slate-200 pt-5">
          {hidden('close')}
          <Field
            label="Type the business name to close this merchant"
            name="confirmation"
            autoComplete="off"
            required
            error={state.fieldErrors?.confirmation}
            hint={
              <>
                Closing is permanent. Type{' '}
                <strong className="font-semibold text-slate-900">{businessName}</strong> to confirm.
              </>
            }
          />
          <SubmitButton variant="danger" pendingLabel="Closing…">
            Close merchant permanently
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

function ReasonField({ error }: { error?: string[] }) {
  const id = useId();
  const ids = { hint: `${id}-hint`, error: `${id}-error` };
  return (
    <div>
      <FieldLabel htmlFor={id}>Reason for suspension</FieldLabel>
      <textarea
        id={id}
        name="reason"
        rows={3}
        required
        maxLength={500}
        aria-invalid={error?.length ? true : undefined}
        aria-describedby={[error?.length ? ids.error : null, ids.hint].filter(Boolean).join(' ')}
        className={controlClass}
      />
      <FieldErrorText id={ids.error} messages={error ?? []} />
      <FieldHint id={ids.hint}>
        The owners are told this reason by e-mail; it is kept in the audit log.
      </FieldHint>
    </div>
  );
}
