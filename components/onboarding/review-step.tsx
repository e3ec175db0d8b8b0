import type { SelectOption } from '@/components/forms/select-field';
import { STEP_TITLES, type StepId } from '@/lib/merchants/onboarding-steps';

interface Options {
  businessTypes: readonly SelectOption[];
  currencies: readonly SelectOption[];
  countries: readonly SelectOption[];
}

const labelOf = (list: readonly SelectOption[], value: string | undefined) =>
  list.find((o) => o.value === value)?.label ?? value ?? '';

/** The last step: everything entered, grouped as it was asked, each group editable. */
export function ReviewStep({
  values,
  options,
  onEdit,
}: {
  values: Record<string, string>;
  options: Options;
  onEdit: (step: StepId) => void;
}) {
  const v = (name: string) => values[name] || '—';
  const address = [
    values.line1,
    values.line2,
    [values.postal_code, values.city].filter(Boolean).join(' '),
    values.state,
    labelOf(options.countries, values.country),
  ]
    .filter(Boolean)
    .join(', ');
  const sections: { step: StepId; rows: [string, string][] }[] = [
    {
      step: 'business',
      rows: [
        ['Business name', v('business_name')],
        ['Legal name', v('legal_name')],
        ['Business type', labelOf(options.businessTypes, values.business_type)],
        ['Tax ID', v('tax_id')],
        ['Preferred currency', labelOf(options.currencies, values.currency)],
      ],
    },
    {
      step: 'contact',
      rows: [
        ['Business email', v('email')],
        ['Phone', v('phone')],
        ['Website', v('website')],
      ],
    },
    { step: 'address', rows: [['Address', address || '—']] },
  ];
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">Review and create</h2>
        <p className="mt-1 text-sm text-slate-600">
          We verify these details when you create the business. Test mode works straight away; live mode opens
          once the business is verified.
        </p>
      </div>
      {sections.map((section) => (
        <section
          key={section.step}
          aria-labelledby={`review-${section.step}`}
          className="rounded-xl ring-1 ring-slate-200"
        >
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
            <h3 id={`review-${section.step}`} className="text-sm font-semibold text-slate-900">
              {STEP_TITLES[section.step]}
            </h3>
            <button
              type="button"
              onClick={() => onEdit(section.step)}
              className="text-sm font-semibold text-indigo-700 hover:text-indigo-600"
              aria-label={`Edit ${STEP_TITLES[section.step].toLowerCase()} details`}
            >
              Edit
            </button>
          </div>
          <dl className="divide-y divide-slate-100">
            {section.rows.map(([label, value]) => (
              <div key={label} className="grid grid-cols-3 gap-4 px-4 py-2.5 text-sm">
                <dt className="text-slate-600">{label}</dt>
                <dd className="col-span-2 break-words text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
