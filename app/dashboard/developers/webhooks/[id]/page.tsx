import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Section } from '@/components/account/section';
import { Pagination } from '@/components/ui/pagination';
import { AttemptsTable } from '@/components/webhooks/attempts-table';
import { EndpointControls } from '@/components/webhooks/endpoint-controls';
import { EndpointForm } from '@/components/webhooks/endpoint-form';
import { EndpointStatus } from '@/components/webhooks/endpoint-status';
import { WEBHOOKS_PATH } from '@/components/webhooks/paths';
import { SendTestEvent } from '@/components/webhooks/send-test-event';
import { SigningSecret } from '@/components/webhooks/signing-secret';
import { requireMerchant } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db/client';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { scopeOf } from '@/lib/webhooks/dashboard/actor';
import { ATTEMPT_PAGE_SIZE, getEndpointForDashboard } from '@/lib/webhooks/dashboard/get-endpoint';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/event-types';
import {
  deleteEndpointAction,
  resendEventAction,
  revealSecretAction,
  rollSecretAction,
  sendTestEventAction,
  setEndpointStatusAction,
  updateEndpointAction,
} from '../actions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: 'Webhook endpoint' };

/** One endpoint. Another merchant's, the other mode's, or a deleted one is the ordinary 404. */
export default async function WebhookEndpointPage({ params, searchParams }: Props) {
  const ctx = await requireMerchant('developers:read');
  const { id } = await params;
  const after = firstParam((await searchParams).after);
  const scope = scopeOf({ merchantId: ctx.merchant.id, mode: ctx.mode });
  const found = await getEndpointForDashboard(db(), scope, id, after);
  if (!found) notFound();
  const { endpoint, attention, attempts, olderThan } = found;
  const canWrite = can(ctx.role, 'developers:write');
  const path = `${WEBHOOKS_PATH}/${endpoint.id}`;

  return (
    <div className="space-y-8">
      <div>
        <Link href={WEBHOOKS_PATH} className="text-sm font-medium text-indigo-700 hover:underline">
          ← All endpoints
        </Link>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-xl font-bold tracking-tight break-all text-slate-900">
            {endpoint.url}
          </h1>
          <EndpointStatus status={endpoint.status} attention={attention} />
        </div>
        <p className="mt-1 font-mono text-sm text-slate-600">{endpoint.id}</p>
        {endpoint.description ? <p className="mt-1 text-slate-600">{endpoint.description}</p> : null}
        {attention ? (
          <p className="mt-3 max-w-2xl rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-600/20">
            {attention.reason === 'gone'
              ? 'The receiver answered 410 Gone, so deliveries stopped.'
              : 'Every delivery failed for 3 days, so deliveries stopped.'}{' '}
            Fix the receiver, then enable the endpoint again; resend the events it missed from the log below.
          </p>
        ) : null}
      </div>

      <Section
        id="secret"
        title="Signing secret"
        description="Verify the Stripe-Signature header of every delivery with it."
      >
        <SigningSecret
          endpointId={endpoint.id}
          canWrite={canWrite}
          revealAction={revealSecretAction}
          rollAction={rollSecretAction}
        />
      </Section>

      <Section
        id="attempts"
        title="Delivery attempts"
        description="Newest first. Each retry is an attempt of its own."
        aside={
          <Link href={path} className="text-sm font-medium text-indigo-700 hover:underline">
            Refresh
          </Link>
        }
      >
        {canWrite && endpoint.status === 'enabled' ? (
          <div className="mb-6">
            <SendTestEvent
              endpointId={endpoint.id}
              eventTypes={WEBHOOK_EVENT_TYPES}
              action={sendTestEventAction}
            />
          </div>
        ) : null}
        <AttemptsTable
          attempts={attempts}
          show="event"
          resendAction={canWrite && endpoint.status === 'enabled' ? resendEventAction : undefined}
        />
        {after || olderThan ? (
          <Pagination
            label="Attempt pages"
            summary={`${attempts.length} attempts on this page (${ATTEMPT_PAGE_SIZE} per page)`}
            previous={{ label: 'Newest', href: after ? path : undefined }}
            next={{ label: 'Older', href: olderThan ? `${path}?after=${olderThan}` : undefined }}
          />
        ) : null}
      </Section>

      {canWrite ? (
        <>
          <Section id="edit" title="Edit endpoint">
            <EndpointForm
              action={updateEndpointAction}
              eventTypes={WEBHOOK_EVENT_TYPES}
              mode={ctx.mode}
              endpoint={{
                id: endpoint.id,
                url: endpoint.url,
                description: endpoint.description,
                enabled_events: endpoint.enabled_events,
              }}
            />
          </Section>
          <Section id="status" title="Status">
            <EndpointControls
              endpointId={endpoint.id}
              status={endpoint.status}
              statusAction={setEndpointStatusAction}
              deleteAction={deleteEndpointAction}
            />
          </Section>
        </>
      ) : null}
    </div>
  );
}
