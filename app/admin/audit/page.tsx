import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditFilters, type AuditFilterValues } from '@/components/admin/audit-filters';
import { AuditEventList } from '@/components/admin/audit-event-list';
import { IgnoredFilters } from '@/components/admin/ignored-filters';
import { Pagination } from '@/components/ui/pagination';
import { listAuditEvents } from '@/lib/admin/list-audit-events';
import { parseAuditParams, queryString, type SearchParams } from '@/lib/admin/search-params';
import { requirePlatformAdmin } from '@/lib/auth/current';

export const metadata: Metadata = { title: 'Audit log · Platform console' };

const FILTER_KEYS = ['action', 'outcome', 'actor', 'merchant', 'from', 'to'] as const;

/** Read-only: the table refuses UPDATE and DELETE, and this page offers neither. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePlatformAdmin();
  const params = await searchParams;
  const { filters, invalid } = parseAuditParams(params);
  const { rows, olderBefore, newerAfter } = await listAuditEvents(filters);

  // The form shows what was typed; links carry only the filters that parsed.
  const typed: AuditFilterValues = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, typeof params[k] === 'string' ? params[k] : undefined]),
  );
  const kept = Object.fromEntries(FILTER_KEYS.map((k) => [k, invalid.includes(k) ? undefined : typed[k]]));
  const newerHref = newerAfter ? `/admin/audit${queryString({ ...kept, after: newerAfter })}` : undefined;
  const olderHref = olderBefore ? `/admin/audit${queryString({ ...kept, before: olderBefore })}` : undefined;
  const paged = filters.before !== undefined || filters.after !== undefined;
  const filtered = Object.values(kept).some(Boolean);

  return (
    <>
      <div className="mb-6">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Security and administrative events, newest first. The log is append-only: entries cannot be edited
          or deleted.
        </p>
      </div>
      <IgnoredFilters names={invalid} />
      <AuditFilters values={typed} />
      <section
        aria-label="Events"
        className="mt-6 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
      >
        {rows.length ? (
          <AuditEventList rows={rows} />
        ) : (
          <div className="px-6 py-12 text-center">
            <p className="font-medium text-slate-900">
              {filtered ? 'No events match these filters.' : 'No events on this page.'}
            </p>
            {filtered || paged ? (
              <Link
                href="/admin/audit"
                className="mt-2 inline-block text-sm font-medium text-indigo-700 hover:underline"
              >
                Show the latest events
              </Link>
            ) : null}
          </div>
        )}
        <Pagination
          label="Audit log pages"
          summary={`${rows.length} ${rows.length === 1 ? 'event' : 'events'} on this page`}
          previous={{ label: 'Newer', href: newerHref }}
          next={{ label: 'Older', href: olderHref }}
        />
      </section>
    </>
  );
}
