import type { PageRequest } from '@/lib/api/list';
import { fromPublicId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import type { Scope } from './accounts';
import { balanceTransactionObjectOf } from './balance-transaction-object';
import { pageBalanceTransactions } from './repository';
import type { ListBalanceTransactionsParams } from './schemas';

/** `source=pi_…|re_…` as a UUID; any other id matches nothing (an empty list, not an error). */
function sourceFilter(source: string | undefined): string | false | undefined {
  if (source === undefined) return undefined;
  return fromPublicId('pi', source) ?? fromPublicId('re', source) ?? false;
}

/** Null when the cursor is not one of this merchant's balance transactions. */
export async function listBalanceTransactions(
  tx: DbTx,
  scope: Scope,
  params: ListBalanceTransactionsParams,
  page: PageRequest,
) {
  const result = await pageBalanceTransactions(
    tx,
    scope,
    {
      type: params.type,
      sourceId: sourceFilter(params.source),
      currency: params.currency?.toUpperCase(),
      created: params.created,
    },
    page,
  );
  if (!result) return null;
  return { data: result.rows.map(balanceTransactionObjectOf), hasMore: result.hasMore };
}
