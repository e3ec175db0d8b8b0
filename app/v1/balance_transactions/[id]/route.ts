import { resourceMissing } from '@/lib/api/errors';
import { fromPublicId } from '@/lib/api/object-id';
import { apiRoute } from '@/lib/api/route';
import { balanceEndpoints } from '@/lib/ledger/endpoints';
import { getBalanceTransaction } from '@/lib/ledger/get-balance-transaction';

/** Another merchant's transaction, a malformed id and a missing one all answer "No such balance transaction". */
export const GET = apiRoute(balanceEndpoints.retrieveTransaction, async ({ tx, caller, pathParams }) => {
  const publicId = pathParams.id!;
  const id = fromPublicId('txn', publicId);
  const found = id ? await getBalanceTransaction(tx, caller, id) : null;
  if (!found) throw resourceMissing('balance transaction', publicId);
  return found;
});

// Methods this path does not have answer like unknown paths do (404 route_missing).
export {
  unknownRoute as POST,
  unknownRoute as DELETE,
  unknownRoute as PUT,
  unknownRoute as PATCH,
} from '@/lib/api/route';
