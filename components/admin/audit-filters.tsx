import Link from 'next/link';
import { Field, SelectField } from '@/components/forms';
import { AUDIT_OUTCOMES, KNOWN_AUDIT_ACTIONS } from '@/lib/admin/list-audit-events';

export interface AuditFilterValues {
  action?: string;
  outcome?: string;
  actor?: string;
  merchant?: string;
  from?: string;
  to?: string;
}

const OUTCOME_OPTIONS = AUDIT_OUTCOMES.map((o) => ({
  value: o,
  label: o.charAt(0).toUpperCase() + o.slice(1),
}));

/** A GET form; the action field suggests the known actions and accepts any other. */
export function AuditFilters({ values }: { values: AuditFilterValues }) {
  return (
    <form
      method="get"
      action="/admin/audit"
      role="search"
      aria-label="Audit log"
      className="grid gap-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4"
    >
      <Field
        label="Action"
        name="action"
        list="audit-actions"
        defaultValue={values.action ?? ''}
        placeholder="Any action"
        maxLength={100}
      />
      <datalist id="audit-actions">
        {KNOWN_AUDIT_ACTIONS.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <SelectField
        label="Outcome"
        name="outcome"
        options={OUTCOME_OPTIONS}
        placeholder="Any outcome"
        defaultValue={values.outcome ?? ''}
      />
      <Field
        label="Actor email"
        name="actor"
        defaultValue={values.actor ?? ''}
        placeholder="Part of an address"
        maxLength={255}
      />
      <Field
        label="Merchant id"
        name="merchant"
        defaultValue={values.merchant ?? ''}
        placeholder="UUID"
        maxLength={36}
      />
      <Field label="From" name="from" type="date" defaultValue={values.from ?? ''} />
      <Field label="To" name="to" type="date" defaultValue={values.to ?? ''} />
      <div className="flex items-end gap-2 sm:col-span-2">
        <button
          type="submit"
          className="inline-flex items-center justify-center rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700"
        >
          Filter
        </button>
        <Link
          href="/admin/audit"
          className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Clear
        </Link>
        <p className="ml-auto text-xs text-slate-500">Dates are whole days in UTC, both included.</p>
      </div>
    </form>
  );
}
