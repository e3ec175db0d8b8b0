import type { Metadata } from 'next';
import Link from 'next/link';
import { IgnoredFilters } from '@/components/admin/ignored-filters';
import { MerchantFilters } from '@/components/admin/merchant-filters';
import { MerchantTable } from '@/components/admin/merchant-table';
import { Pagination } from '@/components/ui/pagination';
import { MERCHANTS_PAGE_SIZE, listMerchants } from '@/lib/admin/list-merchants';
import { parseMerchantListParams, queryString, type SearchParams } from '@/lib/admin/search-params';
import { requirePlatformAdmin } from '@/lib/auth/current';

export const metadata: Metadata = { title: 'Merchants · Platform console' };

export default async function MerchantsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePlatformAdmin();
  const { filters, invalid } = parseMerchantListParams(await searchParams);
  const { rows, total, page, pageCount } = await listMerchants(filters);
  const href = (p: number) =>
    `/admin/merchants${queryString({ q: filters.query, status: filters.status, verification: filters.verification, page: p > 1 ? p : undefined })}`;
  const firstShown = (page - 1) * MERCHANTS_PAGE_SIZE + 1;
  const filtered = !!(filters.query || filters.status || filters.verification);

  return (
    <>
      <div className="mb-6">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Merchants</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every business on the platform. Open one to review, approve, suspend or close it.
        </p>
      </div>
      <IgnoredFilters names={invalid} />
      <MerchantFilters filters={filters} />
      <section
        aria-label="Results"
        className="mt-6 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
      >
        {rows.length ? (
          <MerchantTable rows={rows} />
        ) : (
          <div className="px-6 py-12 text-center">
            <p className="font-medium text-slate-900">
              {filtered ? 'No merchants match these filters.' : 'No merchants yet.'}
            </p>
            {filtered || page > 1 ? (
              <Link
                href="/admin/merchants"
                className="mt-2 inline-block text-sm font-medium text-indigo-700 hover:underline"
              >
                Show all merchants
              </Link>
            ) : null}
          </div>
        )}
        <Pagination
          label="Merchant pages"
          summary={
            rows.length
              ? `Showing ${firstShown}–${firstShown + rows.length - 1} of ${total} ${total === 1 ? 'merchant' : 'merchants'}`
              : `${total} ${total === 1 ? 'merchant' : 'merchants'}`
          }
          previous={{ label: 'Previous', href: page > 1 ? href(Math.min(page - 1, pageCount)) : undefined }}
          next={{ label: 'Next', href: page < pageCount ? href(page + 1) : undefined }}
        />
      </section>
    </>
  );
}
