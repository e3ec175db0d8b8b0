import type { Metadata } from 'next';
import Link from 'next/link';
import { IgnoredFilters } from '@/components/admin/ignored-filters';
import { PaymentFilters } from '@/components/payments/payment-filters';
import { PAYMENTS_PATH, PaymentsTable } from '@/components/payments/payments-table';
import { Pagination } from '@/components/ui/pagination';
import { queryString } from '@/lib/search-params';
import { requireMerchant } from '@/lib/auth/current';
import { LiveRefresh } from '@/components/dashboard/live-refresh';
import { db } from '@/lib/db/client';
import { listPaymentsForDashboard, PAYMENTS_PAGE_SIZE } from '@/lib/payments/dashboard/list-payments';
import {
  PAYMENT_FILTER_KEYS,
  parsePaymentParams,
  type SearchParams,
} from '@/lib/payments/dashboard/search-params';

export const metadata: Metadata = { title: 'Payments' };

// New payments and their changes appear without a reload.
const LIVE_FAMILIES = ['payment_intent', 'charge'];

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireMerchant('payments:read');
  const scope = { merchantId: ctx.merchant.id, livemode: ctx.mode === 'live' };
  const parsed = parsePaymentParams(await searchParams);
  const { filter, typed } = parsed;
  const invalid = [...parsed.invalid];
  let page = await listPaymentsForDashboard(db(), scope, filter, parsed.cursor);
  if (!page) {
    // A cursor from the other mode, another merchant, or a payment the filter no longer admits: start at the top.
    invalid.push(parsed.cursor?.direction === 'newer' ? 'before' : 'after');
    page = (await listPaymentsForDashboard(db(), scope, filter))!;
  }
  const { rows, olderThan, newerThan } = page;
  const modeLabel = ctx.mode === 'live' ? 'live' : 'test';

  // The form shows what was typed; links carry only the filters that parsed.
  const kept = Object.fromEntries(
    PAYMENT_FILTER_KEYS.map((k) => [k, invalid.includes(k) ? undefined : typed[k]]),
  );
  const filtered = Object.values(kept).some(Boolean);
  const paged = parsed.cursor !== null;
  const olderHref = olderThan ? `${PAYMENTS_PATH}${queryString({ ...kept, after: olderThan })}` : undefined;
  const newerHref = newerThan ? `${PAYMENTS_PATH}${queryString({ ...kept, before: newerThan })}` : undefined;

  return (
    <div className="space-y-6">
      <div>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Payments</h1>
          <LiveRefresh mode={ctx.mode} families={LIVE_FAMILIES} />
        </div>
        <p className="mt-1 max-w-2xl text-slate-600">
          Every {modeLabel} mode payment, newest first. Open one to refund it, or to capture or cancel an
          uncaptured one.
        </p>
      </div>

      <IgnoredFilters names={invalid} />
      <PaymentFilters values={typed} />

      <section
        aria-label="Payments"
        className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200"
      >
        {rows.length ? (
          <PaymentsTable rows={rows} />
        ) : (
          <div className="px-6 py-12 text-center">
            <p className="font-medium text-slate-900">
              {filtered
                ? 'No payments match these filters.'
                : paged
                  ? 'No payments on this page.'
                  : `No ${modeLabel} mode payments yet.`}
            </p>
            {filtered || paged ? (
              <Link
                href={PAYMENTS_PATH}
                className="mt-2 inline-block text-sm font-medium text-indigo-700 hover:underline"
              >
                Show the latest payments
              </Link>
            ) : (
              <p className="mt-2 text-sm text-slate-600">
                Payments made with your {modeLabel} API keys appear here.{' '}
                <Link
                  href="/dashboard/developers/api-keys"
                  className="font-medium text-indigo-700 hover:underline"
                >
                  Get your API keys
                </Link>
              </p>
            )}
          </div>
        )}
        <Pagination
          label="Payment pages"
          summary={`${rows.length} ${rows.length === 1 ? 'payment' : 'payments'} on this page (${PAYMENTS_PAGE_SIZE} per page)`}
          previous={{ label: 'Newer', href: newerHref }}
          next={{ label: 'Older', href: olderHref }}
        />
      </section>
    </div>
  );
}
