import Link from 'next/link';
import { buttonClass, Field, SelectField } from '@/components/forms';
import type { PaymentFilterKey } from '@/lib/payments/dashboard/search-params';
import { PAYMENTS_PATH } from './payments-table';

const STATUS_OPTIONS = [
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'refunded', label: 'Refunded (fully)' },
  { value: 'requires_capture', label: 'Uncaptured' },
  { value: 'requires_payment_method', label: 'Failed or incomplete' },
  { value: 'requires_confirmation', label: 'Awaiting confirmation' },
  { value: 'requires_action', label: 'Awaiting authentication' },
  { value: 'canceled', label: 'Canceled' },
];

/** A GET form: the filtered view is a URL that can be bookmarked and shared. */
export function PaymentFilters({ values }: { values: Partial<Record<PaymentFilterKey, string>> }) {
  return (
    <form
      method="get"
      action={PAYMENTS_PATH}
      role="search"
      aria-label="Filter payments"
      className="grid gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-3"
    >
      <SelectField
        label="Status"
        name="status"
        options={STATUS_OPTIONS}
        placeholder="All"
        defaultValue={values.status ?? ''}
      />
      <Field
        label="From"
        name="from"
        type="date"
        defaultValue={values.from ?? ''}
        hint="UTC day, included."
      />
      <Field label="To" name="to" type="date" defaultValue={values.to ?? ''} hint="UTC day, included." />
      {values.customer ? <input type="hidden" name="customer" value={values.customer} /> : null}
      <div className="flex items-end gap-2 sm:col-span-3">
        <button type="submit" className={buttonClass.primary}>
          Filter
        </button>
        <Link
          href={PAYMENTS_PATH}
          className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Clear
        </Link>
      </div>
    </form>
  );
}
