import { cursorMissing, listEnvelope, pageRequest } from '@/lib/api/list';
import { fromPublicId } from '@/lib/api/object-id';
import { apiRoute } from '@/lib/api/route';
import { balanceEndpoints } from '@/lib/ledger/endpoints';
import { listBalanceTransactions } from '@/lib/ledger/list-balance-transactions';

export const GET = apiRoute(balanceEndpoints.listTransactions, async ({ tx, caller, params, url }) => {
  const page = pageRequest(params, (id) => fromPublicId('txn', id), 'balance transaction');
  const result = await listBalanceTransactions(tx, caller, params, page);
  if (!result) cursorMissing(params, 'balance transaction');
  return listEnvelope(url.pathname, result.data, result.hasMore);
});

// Methods this path does not have answer like unknown paths do (404 route_missing).
export {
  unknownRoute as POST,
  unknownRoute as DELETE,
  unknownRoute as PUT,
  unknownRoute as PATCH,
} from '@/lib/api/route';
