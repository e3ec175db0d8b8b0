import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { Badge, Section } from '@/components/account/section';
import { formatDuration, formatRequestTime } from '@/components/request-logs/format';
import { JsonBlock } from '@/components/request-logs/json-block';
import { LOGS_PATH } from '@/components/request-logs/log-filters';
import { RequestStatusBadge } from '@/components/request-logs/status-badge';
import { requireMerchant } from '@/lib/auth/current';
import { getRequestLog } from '@/lib/request-logs/get-request-log';
import { isRequestId } from '@/lib/request-logs/search-params';

type Props = { params: Promise<{ requestId: string }> };

export const metadata: Metadata = { title: 'Request · Logs' };

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-3 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-sm break-all text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-500">—</span>;

/**
 * One request. The link in an API error (`request_log_url`) lands here, so the
 * request is found in whichever mode it was made; another merchant's request,
 * like an unknown id, is the ordinary 404.
 */
export default async function RequestLogPage({ params }: Props) {
  const ctx = await requireMerchant('developers:read');
  const { requestId } = await params;
  const log = isRequestId(requestId) ? await getRequestLog(ctx.merchant.id, ctx.mode, requestId) : null;
  if (!log) notFound();
  const modeName = log.mode === 'live' ? 'Live mode' : 'Test mode';

  return (
    <div className="space-y-8">
      <div>
        <Link href={LOGS_PATH} className="text-sm font-medium text-indigo-700 hover:underline">
          ← All requests
        </Link>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-bold tracking-tight break-all text-slate-900">
            {log.method} {log.path}
          </h1>
          <RequestStatusBadge status={log.status} />
          <Badge tone={log.mode === 'live' ? 'indigo' : 'amber'}>{modeName}</Badge>
        </div>
        <p className="mt-1 font-mono text-sm text-slate-600">{log.requestId}</p>
        {!log.inCurrentMode ? (
          <p className="mt-3 max-w-2xl rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-600/20">
            This request was made in {log.mode} mode; the dashboard is showing {ctx.mode} mode data.
          </p>
        ) : null}
      </div>

      {log.errorMessage ? (
        <Section id="error" title="Error">
          <p className="text-sm text-slate-900">{log.errorMessage}</p>
          <p className="mt-2 font-mono text-xs text-slate-600">
            {[log.errorType, log.errorCode].filter(Boolean).join(' · ')}
          </p>
        </Section>
      ) : null}

      <Section id="summary" title="Summary">
        <dl className="divide-y divide-slate-100">
          <Item label="Time">{formatRequestTime(log.createdAt)}</Item>
          <Item label="Status">{log.status}</Item>
          <Item label="Duration">{formatDuration(log.durationMs)}</Item>
          <Item label="Mode">{modeName}</Item>
          <Item label="API key">
            {log.keyPrefix ? <span className="font-mono">{log.keyPrefix}…</span> : none}
          </Item>
          <Item label="API version">{log.stripeVersion ?? none}</Item>
          <Item label="Idempotency key">
            {log.idempotencyKey ? <span className="font-mono">{log.idempotencyKey}</span> : none}
          </Item>
          <Item label="Replayed">
            {log.idempotentReplayed ? 'Yes: the stored response of an earlier request with this key' : 'No'}
          </Item>
          <Item label="Error type">{log.errorType ?? none}</Item>
          <Item label="Error code">{log.errorCode ?? none}</Item>
          <Item label="IP address">{log.ipAddress ?? none}</Item>
          <Item label="User agent">{log.userAgent ?? none}</Item>
        </dl>
      </Section>

      <Section
        id="bodies"
        title="Request and response"
        description="As stored: secrets, card numbers and customers' personal details were redacted before storage."
      >
        <div className="space-y-6">
          <JsonBlock label="Query parameters" value={log.queryParams} />
          <JsonBlock label="Request body" value={log.requestBody} />
          <JsonBlock label="Response body" value={log.responseBody} />
        </div>
      </Section>
    </div>
  );
}
