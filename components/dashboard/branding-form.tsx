'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { Field } from '@/components/forms/field';
import { ActionFeedback } from '@/components/forms/form-status';
import { SubmitButton } from '@/components/forms/submit-button';
import type { ActionState } from '@/lib/auth/action';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** Settings → Business → Branding: what the hosted checkout page shows of the business. */
export function BrandingForm({
  action,
  initial,
}: {
  action: Action;
  initial: { brand_color: string; logo_url: string };
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  const values = !state.ok && state.values ? state.values : initial;
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form
      action={formAction}
      noValidate
      aria-labelledby="branding-heading"
      className="space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
    >
      <CsrfField />
      <div>
        <h2 id="branding-heading" className="text-base font-semibold text-slate-900">
          Branding
        </h2>
        <p className="mt-1 text-sm text-slate-600">Shown to your customers on the hosted checkout page.</p>
      </div>
      <ActionFeedback state={state} />
      <Field
        label="Brand colour"
        name="brand_color"
        required={false}
        placeholder="#0a2540"
        autoComplete="off"
        spellCheck={false}
        hint="A hex colour, # and six digits. Used for the checkout’s accent and Pay button (with text in white or black, whichever reads better)."
        defaultValue={values.brand_color ?? ''}
        error={errors.brand_color}
      />
      <Field
        label="Logo URL"
        name="logo_url"
        type="url"
        required={false}
        placeholder="https://example.com/logo.png"
        autoComplete="off"
        hint="An https:// address of an image on your own site; shown at the top of the checkout."
        defaultValue={values.logo_url ?? ''}
        error={errors.logo_url}
      />
      <div className="flex justify-end">
        <SubmitButton pendingLabel="Saving…">Save branding</SubmitButton>
      </div>
    </form>
  );
}
