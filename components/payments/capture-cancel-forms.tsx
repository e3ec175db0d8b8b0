'use client';

import { useActionState } from 'react';
import { initialState, type FormAction } from '@/components/account/form-action';
import { CsrfField } from '@/components/auth/csrf';
import { ActionFeedback, Field, SubmitButton } from '@/components/forms';
import { amountInputValue, formatAmount } from '@/lib/money/currencies';

/** Capture an authorization: all of it by default, or less (the rest is released). */
export function CaptureForm({
  paymentIntent,
  currency,
  capturable,
  action,
}: {
  paymentIntent: string;
  currency: string;
  capturable: number;
  action: FormAction;
}) {
  const [state, submit] = useActionState(action, initialState);
  return (
    <form action={submit} aria-label="Capture payment" className="space-y-4">
      <CsrfField />
      <input type="hidden" name="payment_intent" value={paymentIntent} />
      <Field
        label={`Amount to capture (${currency})`}
        name="amount"
        inputMode="decimal"
        defaultValue={state.values?.amount ?? amountInputValue(capturable, currency)}
        error={state.fieldErrors?.amount}
        hint={`Up to ${formatAmount(capturable, currency)}; the rest of the hold is released.`}
        className="max-w-xs"
      />
      <ActionFeedback state={state} />
      <SubmitButton pendingLabel="Capturing…">Capture</SubmitButton>
    </form>
  );
}

/** Cancel before capture, after the browser's confirmation. */
export function CancelForm({ paymentIntent, action }: { paymentIntent: string; action: FormAction }) {
  const [state, submit] = useActionState(action, initialState);
  return (
    <form
      action={submit}
      aria-label="Cancel payment"
      className="space-y-4"
      onSubmit={(e) => {
        if (!window.confirm('Cancel this payment? Any hold on the card is released. This cannot be undone.'))
          e.preventDefault();
      }}
    >
      <CsrfField />
      <input type="hidden" name="payment_intent" value={paymentIntent} />
      <ActionFeedback state={state} />
      <SubmitButton variant="secondary" pendingLabel="Canceling…">
        Cancel payment
      </SubmitButton>
    </form>
  );
}
