'use client';

import { useActionState, useRef, useState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { Field } from '@/components/forms/field';
import { ActionFeedback } from '@/components/forms/form-status';
import { SelectField, type SelectOption } from '@/components/forms/select-field';
import { buttonClass } from '@/components/forms/button-class';
import { SubmitButton } from '@/components/forms/submit-button';
import type { ActionState } from '@/lib/auth/action';
import { STEP_FIELDS, STEP_ORDER, stepOfField, type StepId } from '@/lib/merchants/onboarding-steps';
import { ReviewStep } from './review-step';
import { StepIndicator } from './step-indicator';
import { formText } from '@/components/forms/form-text';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
type Step = StepId | 'review';

export interface WizardOptions {
  businessTypes: readonly SelectOption[];
  currencies: readonly SelectOption[];
  countries: readonly SelectOption[];
}

export interface WizardActions {
  business: Action;
  contact: Action;
  address: Action;
  create: Action;
}

const STEPS: readonly Step[] = [...STEP_ORDER, 'review'];

function fieldsOf(form: FormData, step: StepId): Record<string, string> {
  return Object.fromEntries(STEP_FIELDS[step].map((name) => [name, formText(form, name)]));
}

/**
 * Four steps: business, contact, address, review. Everything typed lives here
 * in the browser until the final submit, so going back never loses a value;
 * each step is still validated by its server action before the next shows.
 */
export function OnboardingWizard({ actions, options }: { actions: WizardActions; options: WizardOptions }) {
  const [step, setStep] = useState<Step>('business');
  const [values, setValues] = useState<Record<string, string>>({ currency: 'USD', country: 'US' });
  const formRef = useRef<HTMLFormElement>(null);

  const [state, formAction] = useActionState(
    async (prev: ActionState, formData: FormData): Promise<ActionState> => {
      const current = formText(formData, 'step') as Step;
      formData.delete('step');
      if (current === 'review') {
        // On success the action redirects to the dashboard and this never returns a state.
        const result = (await actions.create(prev, formData)) as ActionState | undefined;
        // A final check can still fail (e.g. the business email is taken): go to the step that asks for it.
        const field = Object.keys(result?.fieldErrors ?? {})[0];
        const back = field ? stepOfField(field) : null;
        if (back) setStep(back);
        return result ?? prev;
      }
      setValues((v) => ({ ...v, ...fieldsOf(formData, current) }));
      const result = await actions[current](prev, formData);
      if (result.ok) setStep(STEPS[STEPS.indexOf(current) + 1] ?? 'review');
      return result;
    },
    { ok: false },
  );

  function back() {
    if (formRef.current && step !== 'review') {
      const typed = fieldsOf(new FormData(formRef.current), step);
      setValues((v) => ({ ...v, ...typed }));
    }
    setStep(STEPS[Math.max(0, STEPS.indexOf(step) - 1)] ?? 'business');
  }

  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const field = (name: string) => ({ name, defaultValue: values[name] ?? '', error: errors[name] });

  return (
    <div>
      <StepIndicator steps={STEPS} current={step} />
      <form key={step} ref={formRef} action={formAction} noValidate className="mt-8 space-y-6">
        <CsrfField />
        <input type="hidden" name="step" value={step} />
        {!state.ok && state.error ? <ActionFeedback state={state} /> : null}

        {step === 'business' ? (
          <fieldset className="space-y-5">
            <legend className="text-lg font-semibold text-slate-900">Tell us about your business</legend>
            <Field
              label="Business name"
              autoComplete="organization"
              required
              hint="The name your customers know."
              {...field('business_name')}
            />
            <Field
              label="Legal name"
              required
              hint="As registered, or your full name for an individual."
              {...field('legal_name')}
            />
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
              hint="EIN, VAT or company number. Verification is simulated here: 000000000 verifies, 111111111 fails, 222222222 goes to manual review."
              {...field('tax_id')}
            />
            <SelectField
              label="Preferred currency"
              required
              options={options.currencies}
              {...field('currency')}
            />
          </fieldset>
        ) : null}

        {step === 'contact' ? (
          <fieldset className="space-y-5">
            <legend className="text-lg font-semibold text-slate-900">
              How can customers and we reach you?
            </legend>
            <Field label="Business email" type="email" autoComplete="email" required {...field('email')} />
            <Field
              label="Phone"
              type="tel"
              autoComplete="tel"
              required={false}
              hint="With the country code, e.g. +1 415 555 0100."
              {...field('phone')}
            />
            <Field
              label="Website"
              type="url"
              autoComplete="url"
              required={false}
              placeholder="https://"
              {...field('website')}
            />
          </fieldset>
        ) : null}

        {step === 'address' ? (
          <fieldset className="space-y-5">
            <legend className="text-lg font-semibold text-slate-900">Where is the business based?</legend>
            <Field label="Address line 1" autoComplete="address-line1" required {...field('line1')} />
            <Field label="Address line 2" autoComplete="address-line2" required={false} {...field('line2')} />
            <div className="grid gap-5 sm:grid-cols-2">
              <Field label="City" autoComplete="address-level2" required {...field('city')} />
              <Field
                label="State or region"
                autoComplete="address-level1"
                required={false}
                {...field('state')}
              />
              <Field
                label="Postal code"
                autoComplete="postal-code"
                required={false}
                {...field('postal_code')}
              />
              <SelectField
                label="Country"
                autoComplete="country"
                required
                options={options.countries}
                {...field('country')}
              />
            </div>
          </fieldset>
        ) : null}

        {step === 'review' ? (
          <>
            <ReviewStep values={values} options={options} onEdit={setStep} />
            {Object.entries(values).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
          </>
        ) : null}

        <div className="flex items-center justify-between border-t border-slate-200 pt-6">
          {step !== 'business' ? (
            <button type="button" onClick={back} className={buttonClass.secondary}>
              Back
            </button>
          ) : (
            <span />
          )}
          <SubmitButton pendingLabel={step === 'review' ? 'Creating business…' : 'Checking…'}>
            {step === 'review' ? 'Create business' : 'Continue'}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
