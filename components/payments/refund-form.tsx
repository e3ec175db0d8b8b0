'use client';

import { useActionState, useState } from 'react';
import { initialState, type FormAction } from '@/components/account/form-action';
import { CsrfField } from '@/components/auth/csrf';
import { ActionFeedback, Field, SelectField, SubmitButton } from '@/components/forms';
import { REFUND_REASONS } from '@/lib/payments/dashboard/form-schemas';
import { amountInputValue, formatAmount, parseAmount } from '@/lib/money/currencies';

/**
 * Refund all or part of what is left. The amount starts at the refundable
 * amount; the box "I understand this refunds …" names the amount as typed and
 * must be ticked before the button does anything (the server checks it too).
 */
export function RefundForm({
  paymentIntent,
  currency,
  refundable,
  action,
}: {
  paymentIntent: string;
  currency: string;
  refundable: number;
  action: FormAction;
}) {
  const [state, submit] = useActionState(action, initialState);
  const [amount, setAmount] = useState(amountInputValue(refundable, currency));
  // After a partial refund the page re-renders with less left: start from that.
  const [shownFor, setShownFor] = useState(refundable);
  if (shownFor !== refundable) {
    setShownFor(refundable);
    setAmount(amountInputValue(refundable, currency));
  }
  const minor = amount.trim() === '' ? refundable : parseAmount(amount, currency);
  const described = minor === null ? 'the amount entered' : formatAmount(minor, currency);
  return (
    <form action={submit} aria-label="Refund payment" className="space-y-4">
      <CsrfField />
      <input type="hidden" name="payment_intent" value={paymentIntent} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={`Amount (${currency})`}
          name="amount"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={state.fieldErrors?.amount}
          hint={`Up to ${formatAmount(refundable, currency)}.`}
        />
        <SelectField
          label="Reason"
          name="reason"
          options={REFUND_REASONS}
          placeholder="No reason given"
          defaultValue={state.values?.reason ?? ''}
        />
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input type="checkbox" name="confirm" required className="mt-0.5 size-4 rounded border-slate-300" />
        <span>I understand this refunds {described} to the customer and cannot be undone.</span>
      </label>
      <ActionFeedback state={state} />
      <SubmitButton variant="danger" pendingLabel="Refunding…">
        Refund {described}
      </SubmitButton>
    </form>
  );
}
