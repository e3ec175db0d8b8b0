import Link from 'next/link';
import { Field, SelectField } from '@/components/forms';
import {
  MERCHANT_STATUSES,
  STATUS_LABELS,
  VERIFICATION_LABELS,
  VERIFICATION_STATUSES,
} from '@/lib/admin/merchant-status';
import type { MerchantListFilters } from '@/lib/admin/list-merchants';

const STATUS_OPTIONS = MERCHANT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const VERIFICATION_OPTIONS = VERIFICATION_STATUSES.map((s) => ({ value: s, label: VERIFICATION_LABELS[s] }));

/** A GET form: the filters live in the URL, so a filtered list can be bookmarked. */
export function MerchantFilters({ filters }: { filters: MerchantListFilters }) {
  return (
    <form
      method="get"
      action="/admin/merchants"
      role="search"
      aria-label="Merchants"
      className="grid gap-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto]"
    >
      <Field
        label="Search"
        name="q"
        type="search"
        defaultValue={filters.query ?? ''}
        placeholder="Business name, email or id"
        maxLength={200}
      />
      <SelectField
        label="Status"
        name="status"
        options={STATUS_OPTIONS}
        placeholder="Any status"
        defaultValue={filters.status ?? ''}
      />
      <SelectField
        label="Verification"
        name="verification"
        options={VERIFICATION_OPTIONS}
        placeholder="Any verification"
        defaultValue={filters.verification ?? ''}
      />
      <div className="flex items-end gap-2">
        <button
          type="submit"
          className="inline-flex items-center justify-center rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700"
        >
          Search
        </button>
        <Link
          href="/admin/merchants"
          className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Clear
        </Link>
      </div>
    </form>
  );
}
