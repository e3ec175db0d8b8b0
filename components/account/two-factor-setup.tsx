'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { ActionFeedback, Field, SubmitButton } from '@/components/forms';
import { initialState, type FormAction } from './form-action';
import { RecoveryCodes } from './recovery-codes';

/** Two-factor is off: one button starts the setup (the page then shows the secret). */
export function StartTwoFactor({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, initialState);
  return (
    <form action={formAction} className="space-y-4">
      <CsrfField />
      <ActionFeedback state={state} />
      <SubmitButton pendingLabel="Preparing…">Set up an authenticator app</SubmitButton>
    </form>
  );
}

/** Groups a base32 secret in fours, as authenticator apps print it. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * Setup in progress: scan the QR code (or type the key), then prove it with a
 * code. On success the recovery codes are shown once, from the action's answer.
 */
export function PendingTwoFactor({
  secret,
  qrDataUrl,
  confirmAction,
  cancelAction,
}: {
  secret: string;
  qrDataUrl: string;
  confirmAction: FormAction;
  cancelAction: FormAction;
}) {
  const [state, formAction] = useActionState(confirmAction, initialState);
  const [, cancelFormAction] = useActionState(cancelAction, initialState);
  const codes =
    state.ok && Array.isArray(state.data?.recoveryCodes) ? (state.data.recoveryCodes as string[]) : null;
  if (codes) {
    return (
      <div className="space-y-4">
        <ActionFeedback state={state} />
        <RecoveryCodes codes={codes} />
      </div>
    );
  }
  return (
    <div className="grid gap-8 lg:grid-cols-[auto_1fr]">
      <div>
        <p className="text-sm font-medium text-slate-900">1. Scan this QR code with your authenticator app</p>
        {/* A data: URL made on the server: no script, and the secret never reaches a third party. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={qrDataUrl}
          alt="QR code to add this account to an authenticator app"
          width={200}
          height={200}
          className="mt-3 rounded-lg bg-white p-2 ring-1 ring-slate-200"
        />
        <p className="mt-4 text-sm text-slate-600">Or enter this setup key by hand (time-based, 6 digits):</p>
        <p className="mt-1">
          <code
            aria-label="Setup key"
            data-secret={secret}
            className="inline-block rounded-md bg-slate-100 px-3 py-2 font-mono text-sm tracking-wider text-slate-900 select-all"
          >
            {grouped(secret)}
          </code>
        </p>
      </div>
      <div className="max-w-sm">
        <form action={formAction} className="space-y-4">
          <CsrfField />
          <p className="text-sm font-medium text-slate-900">2. Enter the 6-digit code the app shows</p>
          <ActionFeedback state={state} />
          <Field
            label="Authentication code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxLength={7}
            required
            error={state.fieldErrors?.code}
          />
          <SubmitButton pendingLabel="Checking…">Turn on two-factor</SubmitButton>
        </form>
        <form action={cancelFormAction} className="mt-3">
          <CsrfField />
          <SubmitButton variant="secondary">Cancel setup</SubmitButton>
        </form>
      </div>
    </div>
  );
}
