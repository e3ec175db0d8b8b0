import Link from 'next/link';
import type { MerchantListRow } from '@/lib/admin/list-merchants';
import { MerchantStatusBadge, VerificationBadge } from './badges';
import { formatDate } from './format';

const th = 'px-4 py-3 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase';
const td = 'px-4 py-3 text-sm whitespace-nowrap';

export function MerchantTable({ rows }: { rows: MerchantListRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">Merchants</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              Name
            </th>
            <th scope="col" className={th}>
              Email
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              Verification
            </th>
            <th scope="col" className={th}>
              Created
            </th>
            <th scope="col" className={`${th} text-right`}>
              Members
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.map((m) => (
            <tr key={m.id} className="hover:bg-slate-50">
              <th scope="row" className={`${td} text-left font-medium`}>
                <Link
                  href={`/admin/merchants/${m.id}`}
                  className="text-indigo-700 hover:text-indigo-900 hover:underline"
                >
                  {m.businessName}
                </Link>
                <span className="block font-mono text-xs font-normal text-slate-500">{m.id}</span>
              </th>
              <td className={`${td} text-slate-700`}>{m.email}</td>
              <td className={td}>
                <MerchantStatusBadge status={m.status} />
              </td>
              <td className={td}>
                <VerificationBadge status={m.verificationStatus} />
              </td>
              <td className={`${td} text-slate-700 tabular-nums`}>{formatDate(m.createdAt)}</td>
              <td className={`${td} text-right text-slate-700 tabular-nums`}>{m.memberCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
