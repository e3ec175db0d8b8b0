import Link from 'next/link';
import { buttonClass, Field } from '@/components/forms';
import { EVENTS_PATH } from './paths';

/** A GET form: the filtered view is a URL that can be bookmarked and shared. */
export function EventFilters({ type, types }: { type?: string; types: readonly string[] }) {
  return (
    <form
      method="get"
      action={EVENTS_PATH}
      role="search"
      aria-label="Filter events"
      className="flex flex-wrap items-end gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <div className="min-w-64 flex-1">
        <Field
          label="Event type"
          name="type"
          list="event-types"
          defaultValue={type ?? ''}
          placeholder="payment_intent.succeeded or charge.*"
          maxLength={100}
          hint="One type, or a family ending in .* (payment_intent.*)."
        />
        <datalist id="event-types">
          {types.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary}>
          Filter
        </button>
        {type ? (
          <Link href={EVENTS_PATH} className={buttonClass.secondary}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
