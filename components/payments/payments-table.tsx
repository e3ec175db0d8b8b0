import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import type { PaymentSummary } from '@/lib/payments/dashboard/list-payments';
import { formatAmount } from '@/lib/money/currencies';
import { formatCard, formatTime } from './format';
import { PaymentStatusBadge } from './status-badge';

export const PAYMENTS_PATH = '/dashboard/payments';
export const CUSTOMERS_PATH = '/dashboard/customers';

const td = 'px-4 py-3 text-sm text-slate-700 align-top';

/** Payments as rows (Payments and a customer's page); the amount links to the payment. */
export function PaymentsTable({
  rows,
  showCustomer = true,
}: {
  rows: PaymentSummary[];
  showCustomer?: boolean;
}) {
  return (
    <DataTable
      caption="Payments"
      framed={false}
      columns={[
        { label: 'Amount' },
        { label: 'Status' },
        showCustomer && { label: 'Customer' },
        { label: 'Payment method' },
        { label: 'Created' },
      ]}
    >
      {rows.map((p) => (
        <tr key={p.id}>
          <td className={`${td} whitespace-nowrap`}>
            <Link href={`${PAYMENTS_PATH}/${p.id}`} className="font-semibold text-indigo-700 hover:underline">
              {formatAmount(p.amount, p.currency)}
            </Link>
            <span className="ml-1 text-xs text-slate-500">{p.currency}</span>
            {p.description ? <p className="mt-1 text-xs text-slate-500">{p.description}</p> : null}
          </td>
          <td className={td}>
            <PaymentStatusBadge status={p.status} />
          </td>
          {showCustomer ? (
            <td className={`${td} break-all`}>
              {p.customer ? (
                <Link href={`${CUSTOMERS_PATH}/${p.customer.id}`} className="hover:underline">
                  {p.customer.email ?? p.customer.id}
                </Link>
              ) : (
                '—'
              )}
            </td>
          ) : null}
          <td className={`${td} whitespace-nowrap`}>{formatCard(p.card)}</td>
          <td className={`${td} whitespace-nowrap`}>{formatTime(p.created)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
