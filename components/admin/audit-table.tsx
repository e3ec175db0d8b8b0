import Link from 'next/link';
import { AuditDetails } from './audit-details';
import { OutcomeBadge } from './badges';
import { formatDateTime } from './format';

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

const th = 'px-3 py-3 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase';
const td = 'px-3 py-3 align-top text-sm';

/** Who, what, when, from where, on what, with which outcome and details. */
export function AuditTable({ rows, showMerchant = true }: { rows: AuditRowView[]; showMerchant?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>When</th>
            <th scope="col" className={th}>Actor</th>
            <th scope="col" className={th}>Action</th>
            <th scope="col" className={th}>Outcome</th>
            {showMerchant ? <th scope="col" className={th}>Merchant</th> : null}
            <th scope="col" className={th}>Target</th>
            <th scope="col" className={th}>IP / user agent</th>
            <th scope="col" className={th}>Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.map((e) => (
            <tr key={e.id}>
              <td className={`${td} whitespace-nowrap text-slate-700 tabular-nums`}>
                <time dateTime={e.occurredAt.toISOString()}>{formatDateTime(e.occurredAt)}</time>
              </td>
              <td className={`${td} text-slate-900`}>
                {e.actorEmail ?? <span className="text-slate-400">system</span>}
                {e.actorUserId ? <span className="block font-mono text-xs text-slate-500">{e.actorUserId}</span> : null}
              </td>
              <td className={`${td} font-mono text-xs whitespace-nowrap text-slate-900`}>{e.action}</td>
              <td className={td}>
                <OutcomeBadge outcome={e.outcome} />
              </td>
              {showMerchant ? (
                <td className={td}>
                  {e.merchantId ? (
                    <Link href={`/admin/merchants/${e.merchantId}`} className="text-indigo-700 hover:underline">
                      {e.merchantName ?? <span className="font-mono text-xs">{e.merchantId}</span>}
                    </Link>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </td>
              ) : null}
              <td className={`${td} text-slate-700`}>
                {e.targetType ? (
                  <>
                    {e.targetType}
                    {e.targetId ? <span className="block max-w-48 truncate font-mono text-xs text-slate-500" title={e.targetId}>{e.targetId}</span> : null}
                  </>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
              <td className={`${td} text-slate-700`}>
                <span className="font-mono text-xs">{e.ip ?? '—'}</span>
                {e.userAgent ? (
                  <span className="block max-w-56 truncate text-xs text-slate-500" title={e.userAgent}>
                    {e.userAgent}
                  </span>
                ) : null}
              </td>
              <td className={td}>
                <AuditDetails details={e.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
