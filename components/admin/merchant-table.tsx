import Link from 'next/link';
import type { MerchantListRow } from '@/lib/admin/list-merchants';
import { MerchantStatusBadge, VerificationBadge } from './badges';
import { formatDate } from './format';
import { DataTable } from '@/components/ui/data-table';

const td = 'px-4 py-3 text-sm whitespace-nowrap';

export function MerchantTable({ rows }: { rows: MerchantListRow[] }) {
  return (
    <DataTable
      caption="Merchants"
      framed={false}
      columns={[
        { label: 'Name' },
        { label: 'Email' },
        { label: 'Status' },
        { label: 'Verification' },
        { label: 'Created' },
        { label: 'Members', className: 'text-right' },
      ]}
    >
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
    </DataTable>
  );
}
