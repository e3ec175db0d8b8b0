import { cursorMissing, listEnvelope, pageRequest } from '@/lib/api/list';
import { fromPublicId } from '@/lib/api/object-id';
import { apiRoute } from '@/lib/api/route';
import { eventEndpoints } from '@/lib/events/endpoints';
import { listEvents } from '@/lib/events/list-events';

export const GET = apiRoute(eventEndpoints.list, async ({ tx, caller, params, url }) => {
  const page = pageRequest(params, (id) => fromPublicId('evt', id), 'event');
  const result = await listEvents(tx, caller, params, page);
  if (!result) cursorMissing(params, 'event');
  return listEnvelope(url.pathname, result.data, result.hasMore);
});

// Methods this path does not have answer like unknown paths do (404 route_missing).
export {
  unknownRoute as POST,
  unknownRoute as DELETE,
  unknownRoute as PUT,
  unknownRoute as PATCH,
} from '@/lib/api/route';
