import { resourceMissing } from '@/lib/api/errors';
import { fromPublicId } from '@/lib/api/object-id';
import { apiRoute } from '@/lib/api/route';
import { eventEndpoints } from '@/lib/events/endpoints';
import { getEvent } from '@/lib/events/get-event';

/** Another merchant's event, a malformed id and a missing one all answer "No such event". */
export const GET = apiRoute(eventEndpoints.retrieve, async ({ tx, caller, pathParams }) => {
  const publicId = pathParams.id!;
  const id = fromPublicId('evt', publicId);
  const found = id ? await getEvent(tx, caller, id) : null;
  if (!found) throw resourceMissing('event', publicId);
  return found;
});

// Methods this path does not have answer like unknown paths do (404 route_missing).
export {
  unknownRoute as POST,
  unknownRoute as DELETE,
  unknownRoute as PUT,
  unknownRoute as PATCH,
} from '@/lib/api/route';
