import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { Badge, Section } from '@/components/account/section';
import { CancelForm, CaptureForm } from '@/components/payments/capture-cancel-forms';
import { formatCard, formatTime } from '@/components/payments/format';
import { CUSTOMERS_PATH, PAYMENTS_PATH } from '@/components/payments/payments-table';
import { RefundForm } from '@/components/payments/refund-form';
import { PaymentStatusBadge } from '@/components/payments/status-badge';
import { DataTable } from '@/components/ui/data-table';
import { requireMerchant } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db/client';
import { formatAmount } from '@/lib/money/currencies';
import { firstParam } from '@/lib/search-params';
import { getPaymentForDashboard } from '@/lib/payments/dashboard/get-payment';
import { cancelPaymentAction, capturePaymentAction, refundPaymentAction } from '../actions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: 'Payment' };

const td = 'px-4 py-3 text-sm text-slate-700 align-top';
const none = <span className="text-slate-500">—</span>;

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-3 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-sm break-all text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

function Notice({ children }: { children: ReactNode }) {
  return (
    <p
      role="status"
      className="mt-3 max-w-2xl rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-600/20"
    >
      {children}
    </p>
  );
}

/** One payment. Another merchant's id, or the other mode's, is the ordinary 404. */
export default async function PaymentPage({ params, searchParams }: Props) {
  const ctx = await requireMerchant('payments:read');
  const { id } = await params;
  const done = firstParam((await searchParams).done);
  const p = await getPaymentForDashboard(
    db(),
    { merchantId: ctx.merchant.id, livemode: ctx.mode === 'live' },
    id,
  );
  if (!p) notFound();
  const money = (minor: number) => formatAmount(minor, p.currency);
  const a = p.amounts;
  const canRefund = p.can.refund && can(ctx.role, 'refunds:write');
  const canCapture = p.can.capture && can(ctx.role, 'payments:write');
  const canCancel = p.can.cancel && can(ctx.role, 'payments:write');

  return (
    <div className="space-y-8">
      <div>
        <Link href={PAYMENTS_PATH} className="text-sm font-medium text-indigo-700 hover:underline">
          ← All payments
        </Link>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">
            {money(a.gross)} <span className="text-base font-medium text-slate-500">{p.currency}</span>
          </h1>
          <PaymentStatusBadge status={p.status} />
          {ctx.mode === 'test' ? <Badge tone="amber">Test mode</Badge> : null}
        </div>
        <p className="mt-1 font-mono text-sm text-slate-600">{p.id}</p>
        {p.description ? <p className="mt-1 text-sm text-slate-700">{p.description}</p> : null}
        {/* After capture or cancel (the actions redirect here): confirmed by the state just read. */}
        {done === 'captured' && a.received > 0 ? (
          <Notice>Captured {money(a.received)}.</Notice>
        ) : done === 'canceled' && p.status === 'canceled' ? (
          <Notice>Payment canceled. Any hold on the card is released.</Notice>
        ) : null}
        {p.lastPaymentError ? (
          <p className="mt-3 max-w-2xl rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-600/20">
            Last attempt declined: {p.lastPaymentError}
          </p>
        ) : null}
      </div>

      <Section id="amounts" title="Amounts">
        <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6" aria-label="Amounts">
          {(
            [
              ['Gross', money(a.gross)],
              ['Captured', money(a.received)],
              ['Fee', a.fee === null ? '—' : money(a.fee)],
              ['Net', a.net === null ? '—' : money(a.net)],
              ['Refunded', money(a.refunded)],
              ['Capturable', money(a.capturable)],
            ] as const
          ).map(([label, value]) => (
            <div key={label}>
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd
                className="mt-1 text-base font-semibold text-slate-900"
                data-testid={`amount-${label.toLowerCase()}`}
              >
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </Section>

      {canCapture || canCancel ? (
        <Section
          id="uncaptured"
          title={canCapture ? 'Capture or cancel' : 'Cancel'}
          description={
            canCapture
              ? `${money(a.capturable)} is held on the card until you capture it or cancel the payment.`
              : 'This payment has not been paid; canceling it stops any further attempt.'
          }
        >
          <div className="space-y-6">
            {canCapture ? (
              <CaptureForm
                paymentIntent={p.id}
                currency={p.currency}
                capturable={a.capturable}
                action={capturePaymentAction}
              />
            ) : null}
            {canCancel ? <CancelForm paymentIntent={p.id} action={cancelPaymentAction} /> : null}
          </div>
        </Section>
      ) : null}

      <Section id="details" title="Details">
        <dl className="divide-y divide-slate-100">
          <Item label="Created">{formatTime(p.created)}</Item>
          <Item label="Customer">
            {p.customer ? (
              <Link
                href={`${CUSTOMERS_PATH}/${p.customer.id}`}
                className="font-medium text-indigo-700 hover:underline"
              >
                {p.customer.email ?? p.customer.id}
              </Link>
            ) : (
              none
            )}
          </Item>
          <Item label="Payment method">
            {p.card ? (
              <>
                {formatCard(p.card)}
                {p.card.expMonth && p.card.expYear ? (
                  <span className="ml-2 text-slate-600">
                    expires {String(p.card.expMonth).padStart(2, '0')}/{p.card.expYear}
                  </span>
                ) : null}
              </>
            ) : (
              none
            )}
          </Item>
          <Item label="Capture">{p.captureMethod === 'manual' ? 'Manual' : 'Automatic'}</Item>
          <Item label="Risk">
            {p.risk.level || p.risk.score !== null ? (
              <>
                {p.risk.level ? <span className="capitalize">{p.risk.level}</span> : null}
                {p.risk.score !== null ? (
                  <span className="ml-2 text-slate-600">score {p.risk.score} / 100</span>
                ) : null}
                {p.risk.blocked ? <span className="ml-2 font-medium text-red-700">Blocked</span> : null}
                {p.risk.rules.length ? (
                  <ul aria-label="Risk rules" className="mt-1 flex flex-wrap gap-1">
                    {p.risk.rules.map((rule) => (
                      <li key={rule}>
                        <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{rule}</code>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : (
              'Not evaluated'
            )}
          </Item>
        </dl>
      </Section>

      <Section
        id="refunds"
        title="Refunds"
        description={
          a.received > 0 ? `${money(a.refundable)} of ${money(a.received)} can still be refunded.` : undefined
        }
      >
        <div className="space-y-6">
          {p.refunds.length ? (
            <DataTable
              caption="Refunds"
              columns={[
                { label: 'Amount' },
                { label: 'Status' },
                { label: 'Reason' },
                { label: 'Created' },
                { label: 'Id' },
              ]}
            >
              {p.refunds.map((r) => (
                <tr key={r.id}>
                  <td className={`${td} font-semibold text-slate-900`}>{money(r.amount)}</td>
                  <td className={td}>
                    <Badge
                      tone={r.status === 'succeeded' ? 'green' : r.status === 'failed' ? 'red' : 'slate'}
                    >
                      {r.status}
                    </Badge>
                  </td>
                  <td className={td}>{r.reason ? r.reason.replace(/_/g, ' ') : '—'}</td>
                  <td className={`${td} whitespace-nowrap`}>{r.created ? formatTime(r.created) : '—'}</td>
                  <td className={`${td} font-mono`}>{r.id}</td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="text-sm text-slate-600">No refunds.</p>
          )}
          {canRefund ? (
            <div className="border-t border-slate-100 pt-6">
              <h3 className="mb-4 text-base font-semibold text-slate-900">Refund</h3>
              <RefundForm
                paymentIntent={p.id}
                currency={p.currency}
                refundable={a.refundable}
                action={refundPaymentAction}
              />
            </div>
          ) : null}
        </div>
      </Section>

      <Section
        id="attempts"
        title="Gateway attempts"
        description="Each call to a processor for this payment, with its masked response."
      >
        {p.attempts.length ? (
          <DataTable
            caption="Gateway attempts"
            columns={[
              { label: 'Gateway' },
              { label: 'Operation' },
              { label: 'Outcome' },
              { label: 'Latency' },
              { label: 'Response' },
            ]}
          >
            {p.attempts.map((call, i) => (
              <tr key={i}>
                <td className={`${td} font-mono`}>{call.gateway}</td>
                <td className={td}>{call.operation}</td>
                <td className={td}>
                  <Badge
                    tone={
                      call.outcome === 'approved' ? 'green' : call.outcome === 'declined' ? 'red' : 'amber'
                    }
                  >
                    {call.outcome}
                  </Badge>
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  {call.latencyMs === null ? '—' : `${call.latencyMs} ms`}
                </td>
                <td className={td}>
                  <pre className="max-w-md overflow-x-auto text-xs whitespace-pre-wrap text-slate-700">
                    {JSON.stringify(call.response, null, 2)}
                  </pre>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="text-sm text-slate-600">No processor has been called for this payment.</p>
        )}
      </Section>

      <Section id="timeline" title="Timeline">
        {p.timeline.length ? (
          <ol className="space-y-3 border-l border-slate-200 pl-4" aria-label="Events">
            {p.timeline.map((e) => (
              <li key={e.id} className="text-sm">
                <span className="font-mono text-slate-900">{e.type}</span>
                <span className="ml-3 text-slate-600">{formatTime(e.created)}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-600">No events yet.</p>
        )}
      </Section>
    </div>
  );
}
