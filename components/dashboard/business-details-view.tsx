import type { MerchantAddress } from '@/lib/merchants/business-schema';

export interface BusinessDetailsViewProps {
  rows: { label: string; value: string | null }[];
}

/** Settings → Business for roles that may read but not change it. */
export function BusinessDetailsView({ rows }: BusinessDetailsViewProps) {
  return (
    <dl className="divide-y divide-slate-100 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      {rows.map((r) => (
        <div key={r.label} className="grid gap-1 px-6 py-3 text-sm sm:grid-cols-3 sm:gap-4">
          <dt className="text-slate-600">{r.label}</dt>
          <dd className="break-words text-slate-900 sm:col-span-2">{r.value || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

export function formatAddress(address: MerchantAddress, countryName: (code: string) => string): string {
  return [
    address.line1,
    address.line2,
    [address.postal_code, address.city].filter(Boolean).join(' '),
    address.state,
    countryName(address.country),
  ]
    .filter(Boolean)
    .join(', ');
}
