import type { Metadata } from 'next';
import Link from 'next/link';
import { Section } from '@/components/account/section';
import { formatRequestTime } from '@/components/request-logs/format';
import { DataTable } from '@/components/ui/data-table';
import { EndpointForm } from '@/components/webhooks/endpoint-form';
import { EndpointStatus } from '@/components/webhooks/endpoint-status';
import { EVENTS_PATH, WEBHOOKS_PATH } from '@/components/webhooks/paths';
import { requireMerchant } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db/client';
import { listEndpointsForDashboard } from '@/lib/webhooks/dashboard/list-endpoints';
import { scopeOf } from '@/lib/webhooks/dashboard/actor';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/event-types';
import { createEndpointAction } from './actions';

export const metadata: Metadata = { title: 'Webhooks' };

const td = 'px-4 py-3 text-sm text-slate-700 align-top';

function eventsSummary(events: string[]): string {
  if (events.includes('*')) return 'All events';
  return events.length <= 3
    ? events.join(', ')
    : `${events.slice(0, 3).join(', ')} and ${events.length - 3} more`;
}

export default async function WebhooksPage() {
  const ctx = await requireMerchant('developers:read');
  const items = await listEndpointsForDashboard(
    db(),
    scopeOf({ merchantId: ctx.merchant.id, mode: ctx.mode }),
  );
  const canWrite = can(ctx.role, 'developers:write');
  const modeLabel = ctx.mode === 'live' ? 'live' : 'test';

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-medium text-indigo-700">Developers</p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Webhooks</h1>
        <p className="mt-1 max-w-2xl text-slate-600">
          Endpoints receive {modeLabel} mode events as signed POST requests (the <code>Stripe-Signature</code>{' '}
          header). Failed deliveries are retried for 3 days. Every event is listed under{' '}
          <Link href={EVENTS_PATH} className="font-medium text-indigo-700 hover:underline">
            Events
          </Link>
          .
        </p>
      </div>

      <Section
        id="endpoints"
        title={`${modeLabel === 'live' ? 'Live' : 'Test'} endpoints`}
        description={`${items.length} of 16`}
      >
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">No {modeLabel} mode endpoints yet.</p>
        ) : (
          <DataTable
            caption="Webhook endpoints"
            columns={[
              { label: 'URL' },
              { label: 'Events' },
              { label: 'Status' },
              { label: 'Latest delivery' },
            ]}
          >
            {items.map(({ endpoint, attention, lastAttempt }) => (
              <tr key={endpoint.id}>
                <td className={`${td} max-w-sm`}>
                  <Link
                    href={`${WEBHOOKS_PATH}/${endpoint.id}`}
                    className="font-mono font-medium break-all text-indigo-700 hover:underline"
                  >
                    {endpoint.url}
                  </Link>
                  {endpoint.description ? (
                    <p className="mt-1 text-xs text-slate-500">{endpoint.description}</p>
                  ) : null}
                </td>
                <td className={`${td} font-mono text-xs`}>{eventsSummary(endpoint.enabled_events)}</td>
                <td className={td}>
                  <EndpointStatus status={endpoint.status} attention={attention} />
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  {lastAttempt ? (
                    <>
                      <span
                        className={lastAttempt.status === 'succeeded' ? 'text-emerald-700' : 'text-red-700'}
                      >
                        {lastAttempt.status === 'succeeded' ? 'Succeeded' : 'Failing'}
                      </span>{' '}
                      {lastAttempt.responseStatus ?? ''}
                      <p className="text-xs text-slate-500">{formatRequestTime(lastAttempt.createdAt)}</p>
                    </>
                  ) : (
                    <span className="text-slate-500">None yet</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>

      {canWrite ? (
        <Section
          id="add"
          title="Add an endpoint"
          description="The endpoint gets its own signing secret; reveal it on the endpoint's page."
        >
          <EndpointForm action={createEndpointAction} eventTypes={WEBHOOK_EVENT_TYPES} mode={ctx.mode} />
        </Section>
      ) : null}
    </div>
  );
}
