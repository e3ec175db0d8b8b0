import Link from 'next/link';
import type { ReactNode } from 'react';
import { AuditDetails } from './audit-details';
import { OutcomeBadge } from './badges';
import { displayIp, formatDateTime } from './format';

export interface AuditRowView {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorEmail: string | null;
  merchantId: string | null;
  merchantName?: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{term}</dt>
      <dd className="truncate text-xs text-slate-800">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-400">—</span>;

/** "active → suspended — reason" for events that record a change (details.before/after). */
function changeSummary(details: unknown): string | null {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  const d = details as Record<string, unknown>;
  if (typeof d.before !== 'string' || typeof d.after !== 'string') return null;
  return `${d.before} → ${d.after}${typeof d.reason === 'string' && d.reason ? ` — ${d.reason}` : ''}`;
}

/**
 * Audit events, newest first: what happened and its outcome on the first line,
 * who and when beside it, then the merchant, target, IP and user agent, and the
 * details (JSON) on demand. A list rather than a table: eight columns do not fit
 * a screen, and expanded details need the full width.
 */
export function AuditEventList({
  rows,
  showMerchant = true,
}: {
  rows: AuditRowView[];
  showMerchant?: boolean;
}) {
  return (
    <ol className="divide-y divide-slate-100" aria-label="Audit events, newest first">
      {rows.map((e) => {
        const change = changeSummary(e.details);
        return (
          <li key={e.id} className="px-5 py-4">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <code className="font-mono text-sm font-medium text-slate-900">{e.action}</code>
              <OutcomeBadge outcome={e.outcome} />
              <span className="text-sm text-slate-700">
                by{' '}
                <span className="font-medium text-slate-900" title={e.actorUserId ?? undefined}>
                  {e.actorEmail ?? 'the system'}
                </span>
              </span>
              <time
                dateTime={e.occurredAt.toISOString()}
                className="ml-auto text-sm text-slate-600 tabular-nums"
              >
                {formatDateTime(e.occurredAt)}
              </time>
            </div>
            {change ? <p className="mt-1 text-sm text-slate-800">{change}</p> : null}
            <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-2 lg:grid-cols-4">
              {showMerchant ? (
                <Item term="Merchant">
                  {e.merchantId ? (
                    <Link
                      href={`/admin/merchants/${e.merchantId}`}
                      className="text-indigo-700 hover:underline"
                    >
                      {e.merchantName ?? e.merchantId}
                    </Link>
                  ) : (
                    none
                  )}
                </Item>
              ) : null}
              <Item term="Target">
                {e.targetType ? (
                  <span title={e.targetId ?? undefined}>
                    {e.targetType}
                    {e.targetId ? <span className="ml-1 font-mono text-slate-500">{e.targetId}</span> : null}
                  </span>
                ) : (
                  none
                )}
              </Item>
              <Item term="IP address">
                <span className="font-mono">{displayIp(e.ip)}</span>
              </Item>
              <Item term="User agent">
                {e.userAgent ? <span title={e.userAgent}>{e.userAgent}</span> : none}
              </Item>
            </dl>
            <div className="mt-2">
              <AuditDetails details={e.details} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
