import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { Section } from '@/components/account/section';
import { formatCard, formatTime } from '@/components/payments/format';
import { CUSTOMERS_PATH, PAYMENTS_PATH, PaymentsTable } from '@/components/payments/payments-table';
import { DataTable } from '@/components/ui/data-table';
import { queryString } from '@/lib/search-params';
import { requireMerchant } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import type { Address } from '@/lib/customers/pii';
import { getCustomerForDashboard } from '@/lib/customers/get-customer-for-dashboard';
import { db } from '@/lib/db/client';
import { listPaymentsForDashboard } from '@/lib/payments/dashboard/list-payments';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Customer' };

const td = 'px-4 py-3 text-sm text-slate-700 align-top';
const none = <span className="text-slate-500">—</span>;
/** The customer's latest payments on this page; the rest are on Payments, filtered by customer. */
const PAYMENTS_SHOWN = 10;

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-3 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-sm break-all text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

function formatAddress(a: Address | null): string | null {
  if (!a) return null;
  const parts = [a.line1, a.line2, [a.postal_code, a.city].filter(Boolean).join(' '), a.state, a.country];
  return parts.filter(Boolean).join(', ') || null;
}

/**
 * One customer. Name, phone and address are decrypted only for roles that
 * act on customers (customers:write: owner, admin, support); the others see
 * the email and the cards' brand and last four.
 */
export default async function CustomerPage({ params }: Props) {
  const ctx = await requireMerchant('payments:read');
  const { id } = await params;
  const scope = { merchantId: ctx.merchant.id, livemode: ctx.mode === 'live' };
  const withPii = can(ctx.role, 'customers:write');
  const customer = await getCustomerForDashboard(db(), scope, id, { withPii });
  if (!customer) notFound();
  const payments = (await listPaymentsForDashboard(
    db(),
    scope,
    { customerId: customer.internalId },
    null,
    PAYMENTS_SHOWN,
  ))!;
  const hidden = <span className="text-slate-500">Hidden for your role</span>;

  return (
    <div className="space-y-8">
      <div>
        <Link href={CUSTOMERS_PATH} className="text-sm font-medium text-indigo-700 hover:underline">
          ← All customers
        </Link>
        <h1 className="mt-3 text-2xl font-bold tracking-tight break-all text-slate-900">
          {customer.pii?.name ?? customer.email ?? customer.id}
        </h1>
        <p className="mt-1 font-mono text-sm text-slate-600">{customer.id}</p>
      </div>

      <Section id="details" title="Details">
        <dl className="divide-y divide-slate-100">
          <Item label="Email">{customer.email ?? none}</Item>
          <Item label="Name">{customer.pii ? (customer.pii.name ?? none) : hidden}</Item>
          <Item label="Phone">{customer.pii ? (customer.pii.phone ?? none) : hidden}</Item>
          <Item label="Address">{customer.pii ? (formatAddress(customer.pii.address) ?? none) : hidden}</Item>
          <Item label="Description">{customer.description ?? none}</Item>
          <Item label="Created">{customer.created ? formatTime(customer.created) : none}</Item>
        </dl>
      </Section>

      <Section id="cards" title="Saved cards">
        {customer.cards.length ? (
          <DataTable
            caption="Saved cards"
            columns={[{ label: 'Card' }, { label: 'Expires' }, { label: 'Id' }]}
          >
            {customer.cards.map((c) => (
              <tr key={c.token}>
                <td className={td}>{formatCard(c)}</td>
                <td className={td}>
                  {c.expMonth && c.expYear ? `${String(c.expMonth).padStart(2, '0')}/${c.expYear}` : '—'}
                </td>
                <td className={`${td} font-mono`}>{c.token}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="text-sm text-slate-600">No saved cards.</p>
        )}
      </Section>

      <Section
        id="payments"
        title="Payments"
        aside={
          payments.olderThan ? (
            <Link
              href={`${PAYMENTS_PATH}${queryString({ customer: customer.id })}`}
              className="text-sm font-medium text-indigo-700 hover:underline"
            >
              All of this customer’s payments
            </Link>
          ) : undefined
        }
      >
        {payments.rows.length ? (
          <div className="overflow-hidden rounded-xl ring-1 ring-slate-200">
            <PaymentsTable rows={payments.rows} showCustomer={false} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">No payments yet.</p>
        )}
      </Section>
    </div>
  );
}
