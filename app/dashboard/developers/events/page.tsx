import type { Metadata } from 'next';
import Link from 'next/link';
import { IgnoredFilters } from '@/components/admin/ignored-filters';
import { formatRequestTime } from '@/components/request-logs/format';
import { DataTable } from '@/components/ui/data-table';
import { Pagination } from '@/components/ui/pagination';
import { EventFilters } from '@/components/webhooks/event-filters';
import { EVENTS_PATH } from '@/components/webhooks/paths';
import { requireMerchant } from '@/lib/auth/current';
import { db } from '@/lib/db/client';
import {
  EVENT_PAGE_SIZE,
  listEventsForDashboard,
  type EventCursor,
} from '@/lib/events/list-events-for-dashboard';
import { eventTypeFilter } from '@/lib/events/schemas';
import { pickParam, queryString, type SearchParams } from '@/lib/search-params';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/event-types';
import { z } from 'zod';

export const metadata: Metadata = { title: 'Events' };

const td = 'px-4 py-3 text-sm text-slate-700 align-top';
const eventId = z.string().regex(/^evt_[0-9A-Za-z]{22}$/);

export default async function EventsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireMerchant('developers:read');
  const params = await searchParams;
  const invalid: string[] = [];
  const type = pickParam(params, 'type', eventTypeFilter, invalid);
  const before = pickParam(params, 'before', eventId, invalid);
  const after = pickParam(params, 'after', eventId, invalid);
  const cursor: EventCursor | null = before
    ? { id: before, direction: 'older' }
    : after
      ? { id: after, direction: 'newer' }
      : null;
  const scope = { merchantId: ctx.merchant.id, livemode: ctx.mode === 'live' };
  let page = await listEventsForDashboard(db(), scope, { type }, cursor);
  if (!page) {
    // A cursor of the other mode or a purged event: start at the top.
    invalid.push(before ? 'before' : 'after');
    page = (await listEventsForDashboard(db(), scope, { type }))!;
  }
  const { rows, olderThan, newerThan } = page;
  const modeLabel = ctx.mode === 'live' ? 'live' : 'test';

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium text-indigo-700">Developers</p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Events</h1>
        <p className="mt-1 max-w-2xl text-slate-600">
          Everything that happened in {modeLabel} mode, newest first, as <code>GET /v1/events</code> returns
          it and webhooks deliver it. Events are kept for at least 30 days.
        </p>
      </div>

      <IgnoredFilters names={invalid} />
      <EventFilters type={type} types={WEBHOOK_EVENT_TYPES} />

      <section
        aria-label="Events"
        className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200"
      >
        {rows.length ? (
          <DataTable
            caption="Events"
            framed={false}
            columns={[
              { label: 'Type' },
              { label: 'Object' },
              { label: 'Webhooks pending' },
              { label: 'Time' },
              { label: 'Event id' },
            ]}
          >
            {rows.map((row) => (
              <tr key={row.id}>
                <td className={`${td} font-mono text-slate-900`}>{row.type}</td>
                <td className={`${td} font-mono text-xs`}>{row.objectId ?? '—'}</td>
                <td className={td}>{row.pendingWebhooks}</td>
                <td className={`${td} whitespace-nowrap`}>{formatRequestTime(row.createdAt)}</td>
                <td className={`${td} font-mono whitespace-nowrap`}>
                  <Link
                    href={`${EVENTS_PATH}/${row.id}`}
                    className="font-medium text-indigo-700 hover:underline"
                  >
                    {row.id}
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <div className="px-6 py-12 text-center">
            <p className="font-medium text-slate-900">
              {type ? 'No events of this type.' : `No ${modeLabel} mode events yet.`}
            </p>
          </div>
        )}
        <Pagination
          label="Event pages"
          summary={`${rows.length} ${rows.length === 1 ? 'event' : 'events'} on this page (${EVENT_PAGE_SIZE} per page)`}
          previous={{
            label: 'Newer',
            href: newerThan ? `${EVENTS_PATH}${queryString({ type, after: newerThan })}` : undefined,
          }}
          next={{
            label: 'Older',
            href: olderThan ? `${EVENTS_PATH}${queryString({ type, before: olderThan })}` : undefined,
          }}
        />
      </section>
    </div>
  );
}
