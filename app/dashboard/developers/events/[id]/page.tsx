import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge, Section } from '@/components/account/section';
import { formatRequestTime } from '@/components/request-logs/format';
import { JsonBlock } from '@/components/request-logs/json-block';
import { AttemptsTable } from '@/components/webhooks/attempts-table';
import { EVENTS_PATH, WEBHOOKS_PATH } from '@/components/webhooks/paths';
import { ResendButton } from '@/components/webhooks/resend-button';
import { requireMerchant } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db/client';
import { scopeOf } from '@/lib/webhooks/dashboard/actor';
import { getEventForDashboard } from '@/lib/webhooks/dashboard/get-event';
import { resendEventAction } from '../../webhooks/actions';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Event · Events' };

/** One event: its JSON, its delivery attempts per endpoint, and Resend. Another merchant's or mode's is a 404. */
export default async function EventPage({ params }: Props) {
  const ctx = await requireMerchant('developers:read');
  const { id } = await params;
  const found = await getEventForDashboard(
    db(),
    scopeOf({ merchantId: ctx.merchant.id, mode: ctx.mode }),
    id,
  );
  if (!found) notFound();
  const { event, testWebhook, attempts, endpoints } = found;
  const canWrite = can(ctx.role, 'developers:write');
  const enabled = endpoints.filter((e) => e.status === 'enabled');

  return (
    <div className="space-y-8">
      <div>
        <Link href={EVENTS_PATH} className="text-sm font-medium text-indigo-700 hover:underline">
          ← All events
        </Link>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-bold tracking-tight break-all text-slate-900">
            {event.type}
          </h1>
          {testWebhook ? <Badge tone="amber">Test webhook</Badge> : null}
        </div>
        <p className="mt-1 font-mono text-sm text-slate-600">{event.id}</p>
        <p className="mt-1 text-sm text-slate-600">
          {formatRequestTime(new Date(event.created * 1000))}
          {event.request.id ? (
            <>
              {' '}
              · caused by{' '}
              <Link
                href={`/dashboard/developers/logs/${event.request.id}`}
                className="font-mono text-indigo-700 hover:underline"
              >
                {event.request.id}
              </Link>
            </>
          ) : null}
        </p>
      </div>

      <Section
        id="deliveries"
        title="Webhook deliveries"
        description={`${event.pending_webhooks} pending. Every attempt to every endpoint, newest first.`}
      >
        <AttemptsTable
          attempts={attempts}
          show="endpoint"
          resendAction={canWrite ? resendEventAction : undefined}
        />
        {canWrite && enabled.length ? (
          <div className="mt-6">
            <h3 className="text-sm font-semibold text-slate-900">Resend to an endpoint</h3>
            <ul className="mt-2 divide-y divide-slate-100">
              {enabled.map((e) => (
                <li key={e.id} className="flex flex-wrap items-start justify-between gap-3 py-2">
                  <Link
                    href={`${WEBHOOKS_PATH}/${e.id}`}
                    className="font-mono text-sm break-all text-indigo-700 hover:underline"
                  >
                    {e.url}
                  </Link>
                  <ResendButton
                    endpointId={e.id}
                    eventId={event.id}
                    action={resendEventAction}
                    label="Resend"
                  />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Section>

      <Section id="json" title="Event data" description="As the API returns it and webhooks deliver it.">
        <JsonBlock label="Event" value={event} />
      </Section>
    </div>
  );
}
