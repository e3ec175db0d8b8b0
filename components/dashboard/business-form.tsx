'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { Field } from '@/components/forms/field';
import { ActionFeedback } from '@/components/forms/form-status';
import { SelectField, type SelectOption } from '@/components/forms/select-field';
import { SubmitButton } from '@/components/forms/submit-button';
import type { ActionState } from '@/lib/auth/action';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

export interface BusinessOptions {
  businessTypes: readonly SelectOption[];
  currencies: readonly SelectOption[];
  countries: readonly SelectOption[];
}

const legend = 'text-base font-semibold text-slate-900';
const section = 'space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200';

/** Settings → Business, editable: the onboarding fields in one form. */
export function BusinessForm({
  action,
  initial,
  options,
}: {
  action: Action;
  initial: Record<string, string>;
  options: BusinessOptions;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  // After a failed save show what was typed; otherwise the saved values.
  const values = !state.ok && state.values ? state.values : initial;
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const field = (name: string) => ({ name, defaultValue: values[name] ?? '', error: errors[name] });

  return (
    <form action={formAction} noValidate className="space-y-6">
      <CsrfField />
      <ActionFeedback state={state} />
      <fieldset className={section}>
        <legend className={`${legend} float-left mb-2 w-full`}>Business</legend>
        <Field label="Business name" required {...field('business_name')} />
        <Field label="Legal name" required {...field('legal_name')} />
        <SelectField
          label="Business type"
          required
          placeholder="Choose a type…"
          options={options.businessTypes}
          {...field('business_type')}
        />
        <Field
          label="Tax ID"
          required
          autoComplete="off"
          hint="Changing it runs verification again."
          {...field('tax_id')}
        />
        <SelectField
          label="Preferred currency"
          required
          options={options.currencies}
          {...field('currency')}
        />
      </fieldset>
      <fieldset className={section}>
        <legend className={`${legend} float-left mb-2 w-full`}>Contact</legend>
        <Field label="Business email" type="email" required {...field('email')} />
        <Field label="Phone" type="tel" required={false} {...field('phone')} />
        <Field label="Website" type="url" required={false} {...field('website')} />
      </fieldset>
      <fieldset className={section}>
        <legend className={`${legend} float-left mb-2 w-full`}>Address</legend>
        <Field label="Address line 1" required {...field('line1')} />
        <Field label="Address line 2" required={false} {...field('line2')} />
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label="City" required {...field('city')} />
          <Field label="State or region" required={false} {...field('state')} />
          <Field label="Postal code" required={false} {...field('postal_code')} />
          <SelectField label="Country" required options={options.countries} {...field('country')} />
        </div>
      </fieldset>
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
      </div>
    </form>
  );
}
