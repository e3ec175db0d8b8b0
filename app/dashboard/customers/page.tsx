import type { Metadata } from 'next';
import Link from 'next/link';
import { IgnoredFilters } from '@/components/admin/ignored-filters';
import { buttonClass, Field } from '@/components/forms';
import { formatTime } from '@/components/payments/format';
import { CUSTOMERS_PATH } from '@/components/payments/payments-table';
import { DataTable } from '@/components/ui/data-table';
import { Pagination } from '@/components/ui/pagination';
import { queryString, type SearchParams } from '@/lib/search-params';
import { requireMerchant } from '@/lib/auth/current';
import { CUSTOMERS_PAGE_SIZE, listCustomersForDashboard } from '@/lib/customers/list-customers-for-dashboard';
import { db } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Customers' };

const td = 'px-4 py-3 text-sm text-slate-700 align-top';
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const CUSTOMER_ID = /^cus_[0-9A-Za-z]{22}$/;

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireMerchant('payments:read');
  const scope = { merchantId: ctx.merchant.id, livemode: ctx.mode === 'live' };
  const params = await searchParams;
  const email = first(params.email)?.slice(0, 255);
  const invalid: string[] = [];
  const after = first(params.after);
  const before = first(params.before);
  const rawCursor = after
    ? { id: after, direction: 'older' as const }
    : before
      ? { id: before, direction: 'newer' as const }
      : null;
  const cursor = rawCursor && CUSTOMER_ID.test(rawCursor.id) ? rawCursor : null;
  let page = await listCustomersForDashboard(db(), scope, { emailPrefix: email }, cursor);
  if (!page || (rawCursor && !cursor)) {
    invalid.push(rawCursor?.direction === 'newer' ? 'before' : 'after');
    page = (await listCustomersForDashboard(db(), scope, { emailPrefix: email }))!;
  }
  const { rows, olderThan, newerThan } = page;
  const modeLabel = ctx.mode === 'live' ? 'live' : 'test';

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Customers</h1>
        <p className="mt-1 max-w-2xl text-slate-600">Your {modeLabel} mode customers, newest first.</p>
      </div>

      <IgnoredFilters names={invalid} />
      <form
        method="get"
        action={CUSTOMERS_PATH}
        role="search"
        aria-label="Search customers"
        className="flex flex-wrap items-end gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      >
        <Field
          label="Email"
          name="email"
          defaultValue={email ?? ''}
          placeholder="jenny@"
          maxLength={255}
          hint="Emails that start with this."
          className="min-w-64 flex-1"
        />
        <button type="submit" className={`${buttonClass.primary} mb-6`}>
          Search
        </button>
      </form>

      <section
        aria-label="Customers"
        className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-slate-200"
      >
        {rows.length ? (
          <DataTable
            caption="Customers"
            framed={false}
            columns={[{ label: 'Email' }, { label: 'Description' }, { label: 'Created' }]}
          >
            {rows.map((c) => (
              <tr key={c.id}>
                <td className={`${td} break-all`}>
                  <Link
                    href={`${CUSTOMERS_PATH}/${c.id}`}
                    className="font-medium text-indigo-700 hover:underline"
                  >
                    {c.email ?? c.id}
                  </Link>
                </td>
                <td className={td}>{c.description ?? '—'}</td>
                <td className={`${td} whitespace-nowrap`}>{c.created ? formatTime(c.created) : '—'}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <div className="px-6 py-12 text-center">
            <p className="font-medium text-slate-900">
              {email ? 'No customers with an email starting so.' : `No ${modeLabel} mode customers yet.`}
            </p>
            {email || cursor ? (
              <Link
                href={CUSTOMERS_PATH}
                className="mt-2 inline-block text-sm font-medium text-indigo-700 hover:underline"
              >
                Show all customers
              </Link>
            ) : null}
          </div>
        )}
        <Pagination
          label="Customer pages"
          summary={`${rows.length} ${rows.length === 1 ? 'customer' : 'customers'} on this page (${CUSTOMERS_PAGE_SIZE} per page)`}
          previous={{
            label: 'Newer',
            href: newerThan ? `${CUSTOMERS_PATH}${queryString({ email, before: newerThan })}` : undefined,
          }}
          next={{
            label: 'Older',
            href: olderThan ? `${CUSTOMERS_PATH}${queryString({ email, after: olderThan })}` : undefined,
          }}
        />
      </section>
    </div>
  );
}
