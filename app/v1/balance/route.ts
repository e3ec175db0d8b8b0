import { apiRoute } from '@/lib/api/route';
import { balanceEndpoints } from '@/lib/ledger/endpoints';
import { getBalance } from '@/lib/ledger/get-balance';

export const GET = apiRoute(balanceEndpoints.retrieve, ({ tx, caller }) => getBalance(tx, caller));

// Methods this path does not have answer like unknown paths do (404 route_missing).
export {
  unknownRoute as POST,
  unknownRoute as DELETE,
  unknownRoute as PUT,
  unknownRoute as PATCH,
} from '@/lib/api/route';
