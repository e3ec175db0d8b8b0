import type { DbTx } from '@/lib/db/client';
import type { Scope } from './accounts';
import { toNumber } from './amounts';
import { balanceRows, merchantCurrency } from './repository';

export interface BalanceAmount {
  amount: number;
  currency: string;
  source_types: { card: number };
}

export interface StripeBalance {
  object: 'balance';
  available: BalanceAmount[];
  pending: BalanceAmount[];
  livemode: boolean;
}

/**
 * Stripe's balance object from merchant_balances: one entry per currency the
 * merchant has a balance in (lower case, as Stripe writes codes), or its own
 * currency at zero when it has none yet. All funds come from card payments.
 */
export async function getBalance(tx: DbTx, scope: Scope): Promise<StripeBalance> {
  const rows = await balanceRows(tx, scope);
  const entries = rows.length
    ? rows.map((r) => ({
        currency: r.currency,
        available: toNumber(r.availableBalance),
        pending: toNumber(r.pendingBalance),
      }))
    : [{ currency: (await merchantCurrency(tx, scope.merchantId)) ?? 'USD', available: 0, pending: 0 }];
  const amount = (value: number, currency: string): BalanceAmount => ({
    amount: value,
    currency: currency.toLowerCase(),
    source_types: { card: value },
  });
  return {
    object: 'balance',
    available: entries.map((e) => amount(e.available, e.currency)),
    pending: entries.map((e) => amount(e.pending, e.currency)),
    livemode: scope.livemode,
  };
}
