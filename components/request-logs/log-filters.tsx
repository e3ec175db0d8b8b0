import Link from 'next/link';
import { buttonClass, Field, SelectField } from '@/components/forms';
import { LOGGED_METHODS } from '@/lib/request-logs/filters';
import type { FilterKey } from '@/lib/request-logs/search-params';

export const LOGS_PATH = '/dashboard/developers/logs';

const STATUS_OPTIONS = [
  { value: 'succeeded', label: 'Succeeded (2xx)' },
  { value: 'failed', label: 'Failed (4xx and 5xx)' },
  { value: '4xx', label: 'Client errors (4xx)' },
  { value: '5xx', label: 'Server errors (5xx)' },
];
const METHOD_OPTIONS = LOGGED_METHODS.map((m) => ({ value: m, label: m }));

/** A GET form: the filtered view is a URL that can be bookmarked and shared. */
export function LogFilters({ values }: { values: Partial<Record<FilterKey, string>> }) {
  return (
    <form
      method="get"
      action={LOGS_PATH}
      role="search"
      aria-label="Filter requests"
      className="grid gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4"
    >
      <SelectField
        label="Status"
        name="status"
        options={STATUS_OPTIONS}
        placeholder="All"
        defaultValue={values.status ?? ''}
      />
      <Field
        label="Status code"
        name="code"
        inputMode="numeric"
        pattern="[1-5][0-9]{2}"
        defaultValue={values.code ?? ''}
        placeholder="e.g. 402"
        maxLength={3}
      />
      <Field
        label="Path"
        name="path"
        defaultValue={values.path ?? ''}
        placeholder="/v1/customers"
        maxLength={500}
        hint="Paths that start with this."
      />
      <SelectField
        label="Method"
        name="method"
        options={METHOD_OPTIONS}
        placeholder="Any method"
        defaultValue={values.method ?? ''}
      />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClass.primary}>
          Filter
        </button>
        <Link
          href={LOGS_PATH}
          className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Clear
        </Link>
      </div>
    </form>
  );
}
