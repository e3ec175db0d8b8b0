import type { Metadata } from 'next';
import Link from 'next/link';
import { IgnoredFilters } from '@/components/admin/ignored-filters';
import { formatDuration, formatRequestTime } from '@/components/request-logs/format';
import { LogFilters, LOGS_PATH } from '@/components/request-logs/log-filters';
import { RequestStatusBadge } from '@/components/request-logs/status-badge';
import { DataTable } from '@/components/ui/data-table';
import { Pagination } from '@/components/ui/pagination';
import { queryString, type SearchParams } from '@/lib/search-params';
import { requireMerchant } from '@/lib/auth/current';
import { listRequestLogs, REQUEST_LOG_PAGE_SIZE } from '@/lib/request-logs/list-request-logs';
import { FILTER_KEYS, parseLogParams } from '@/lib/request-logs/search-params';

export const metadata: Metadata = { title: 'Logs' };

const td = 'px-4 py-3 text-sm text-slate-700 align-top';

export default async function RequestLogsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireMerchant('developers:read');
  const parsed = parseLogParams(await searchParams);
  const { filter, typed } = parsed;
  const invalid = [...parsed.invalid];
  let page = await listRequestLogs(ctx.merchant.id, ctx.mode, filter, parsed.cursor);
  if (!page) {
    // A cursor from the other mode, another merchant or a purged request: start at the top.
    invalid.push(parsed.cursor?.direction === 'newer' ? 'after' : 'before');
    page = (await listRequestLogs(ctx.merchant.id, ctx.mode, filter))!;
  }
  const { rows, olderThan, newerThan } = page;
  const modeLabel = ctx.mode === 'live' ? 'live' : 'test';

  // The form shows what was typed; links carry only the filters that parsed.
  const kept = Object.fromEntries(FILTER_KEYS.map((k) => [k, invalid.includes(k) ? undefined : typed[k]]));
  const filtered = Object.values(kept).some(Boolean);
  const paged = parsed.cursor !== null;
  const olderHref = olderThan ? `${LOGS_PATH}${queryString({ ...kept, before: olderThan })}` : undefined;
  const newerHref = newerThan ? `${LOGS_PATH}${queryString({ ...kept, after: newerThan })}` : undefined;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium text-indigo-700">Developers</p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Logs</h1>
        <p className="mt-1 max-w-2xl text-slate-600">
          Every request your {modeLabel} mode API keys made to the API, newest first. Secrets, card numbers
          and customers’ personal details are redacted before a request is stored.
        </p>
      </div>

      <IgnoredFilters names={invalid} />
      <LogFilters values={typed} />

      <section
        aria-label="Requests"
        className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200"
      >
        {rows.length ? (
          <DataTable
            caption="API requests"
            framed={false}
            columns={[
              { label: 'Time' },
              { label: 'Method' },
              { label: 'Path' },
              { label: 'Status' },
              { label: 'Duration' },
              { label: 'Key' },
              { label: 'Request id' },
            ]}
          >
            {rows.map((row) => (
              <tr key={row.requestId}>
                <td className={`${td} whitespace-nowrap`}>{formatRequestTime(row.createdAt)}</td>
                <td className={`${td} font-mono`}>{row.method}</td>
                <td className={`${td} font-mono break-all text-slate-900`}>{row.path}</td>
                <td className={td}>
                  <RequestStatusBadge status={row.status} />
                  {row.errorCode ? <p className="mt-1 text-xs text-slate-500">{row.errorCode}</p> : null}
                </td>
                <td className={`${td} whitespace-nowrap`}>{formatDuration(row.durationMs)}</td>
                <td className={`${td} font-mono whitespace-nowrap`}>
                  {row.keyPrefix ? `${row.keyPrefix}…` : '—'}
                </td>
                <td className={`${td} font-mono whitespace-nowrap`}>
                  <Link
                    href={`${LOGS_PATH}/${row.requestId}`}
                    className="font-medium text-indigo-700 hover:underline"
                  >
                    {row.requestId}
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <div className="px-6 py-12 text-center">
            <p className="font-medium text-slate-900">
              {filtered
                ? 'No requests match these filters.'
                : paged
                  ? 'No requests on this page.'
                  : `No ${modeLabel} mode requests yet.`}
            </p>
            {filtered || paged ? (
              <Link
                href={LOGS_PATH}
                className="mt-2 inline-block text-sm font-medium text-indigo-700 hover:underline"
              >
                Show the latest requests
              </Link>
            ) : null}
          </div>
        )}
        <Pagination
          label="Log pages"
          summary={`${rows.length} ${rows.length === 1 ? 'request' : 'requests'} on this page (${REQUEST_LOG_PAGE_SIZE} per page)`}
          previous={{ label: 'Newer', href: newerHref }}
          next={{ label: 'Older', href: olderHref }}
        />
      </section>
    </div>
  );
}
