import Link from 'next/link';
import type { StripeBalance } from '@/lib/ledger/get-balance';
import { formatAmount } from '@/lib/money/currencies';

/** Available and pending funds per currency, in the dashboard's current mode. */
export function BalanceCard({ balance, className }: { balance: StripeBalance; className: string }) {
  const pending = new Map(balance.pending.map((p) => [p.currency, p.amount]));
  return (
    <section aria-labelledby="balance-heading" className={className}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="balance-heading" className="text-base font-semibold text-slate-900">
          Balance
        </h2>
        <Link
          href="/dashboard/payments"
          className="text-sm font-semibold text-indigo-700 hover:text-indigo-600"
        >
          View payments →
        </Link>
      </div>
      <dl className="mt-4 grid gap-4 sm:grid-cols-2">
        {balance.available.map((a) => (
          <div key={a.currency} className="contents">
            <div>
              <dt className="text-sm text-slate-600">Available ({a.currency.toUpperCase()})</dt>
              <dd className="mt-1 text-xl font-semibold text-slate-900">
                {formatAmount(a.amount, a.currency)}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">Pending ({a.currency.toUpperCase()})</dt>
              <dd className="mt-1 text-xl font-semibold text-slate-900">
                {formatAmount(pending.get(a.currency) ?? 0, a.currency)}
              </dd>
            </div>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-500">
        {balance.livemode ? 'Live mode.' : 'Test mode.'} Pending funds become available on their payout
        schedule.
      </p>
    </section>
  );
}
