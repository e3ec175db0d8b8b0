import Link from 'next/link';
import type { FormAction } from '@/components/account/form-action';
import { Badge } from '@/components/account/section';
import { formatDuration, formatRequestTime } from '@/components/request-logs/format';
import type { DeliveryAttemptRow } from '@/lib/webhooks/list-delivery-attempts';
import { EVENTS_PATH, WEBHOOKS_PATH } from './paths';
import { ResendButton } from './resend-button';

const td = 'px-4 py-3 text-sm text-slate-700 align-top';

function prettyBody(body: string | null): string {
  if (body === null || body === '') return '(empty)';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

const pre =
  'mt-1 max-h-80 overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap break-all text-slate-100';

/**
 * Delivery attempts, newest first: outcome, event, endpoint (on the event
 * page), response status and duration, with the request (headers and body as
 * sent) and the response (first 4 KB) behind a disclosure. React escapes
 * every body; nothing here is rendered as HTML.
 */
export function AttemptsTable({
  attempts,
  show,
  resendAction,
}: {
  attempts: DeliveryAttemptRow[];
  show: 'event' | 'endpoint';
  /** Absent for roles that may not resend. */
  resendAction?: FormAction;
}) {
  if (attempts.length === 0) {
    return <p className="text-sm text-slate-600">No delivery attempts yet.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200" aria-label="Delivery attempts">
        <thead className="bg-slate-50">
          <tr>
            {[
              'Result',
              show === 'event' ? 'Event' : 'Endpoint',
              'Response',
              'Duration',
              'Time',
              'Details',
            ].map((h) => (
              <th
                key={h}
                scope="col"
                className="px-4 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase"
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {attempts.map((a) => (
            <tr key={a.id} data-attempt-status={a.status}>
              <td className={td}>
                <Badge tone={a.status === 'succeeded' ? 'green' : 'red'}>
                  {a.status === 'succeeded' ? 'Succeeded' : 'Failed'}
                </Badge>
                <p className="mt-1 text-xs text-slate-500">Attempt {a.attempt}</p>
              </td>
              <td className={`${td} font-mono text-xs`}>
                {show === 'event' ? (
                  <>
                    <p className="text-slate-900">{a.eventType}</p>
                    <Link href={`${EVENTS_PATH}/${a.eventId}`} className="text-indigo-700 hover:underline">
                      {a.eventId}
                    </Link>
                  </>
                ) : (
                  <>
                    <Link
                      href={`${WEBHOOKS_PATH}/${a.endpointId}`}
                      className="text-indigo-700 hover:underline"
                    >
                      {a.endpointId}
                    </Link>
                    <p className="break-all text-slate-500">{a.url}</p>
                  </>
                )}
              </td>
              <td className={`${td} whitespace-nowrap`}>
                {a.responseStatus ?? '—'}
                {a.error ? <p className="max-w-48 text-xs break-words text-red-700">{a.error}</p> : null}
              </td>
              <td className={`${td} whitespace-nowrap`}>{formatDuration(a.durationMs)}</td>
              <td className={`${td} whitespace-nowrap`}>{formatRequestTime(a.createdAt)}</td>
              <td className={`${td} min-w-64`}>
                <div className="flex flex-col gap-2">
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-indigo-700">
                      Request and response
                    </summary>
                    <div className="mt-2 space-y-3">
                      <div>
                        <p className="text-xs font-semibold text-slate-900">POST {a.url}</p>
                        <pre className={pre} aria-label="Request headers">
                          {Object.entries(a.requestHeaders)
                            .map(([k, v]) => `${k}: ${v}`)
                            .join('\n')}
                        </pre>
                      </div>
                      <div>
                        <p className="text-xs font-semibold text-slate-900">Request body</p>
                        <pre className={pre} aria-label="Request body">
                          {prettyBody(a.requestBody)}
                        </pre>
                      </div>
                      <div>
                        <p className="text-xs font-semibold text-slate-900">
                          Response body {a.responseStatus !== null ? `(${a.responseStatus})` : ''} — first 4
                          KB
                        </p>
                        <pre className={pre} aria-label="Response body">
                          {prettyBody(a.responseBody)}
                        </pre>
                      </div>
                    </div>
                  </details>
                  {resendAction ? (
                    <ResendButton endpointId={a.endpointId} eventId={a.eventId} action={resendAction} />
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
