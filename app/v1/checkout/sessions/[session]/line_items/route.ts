import { cursorMissing, listEnvelope, pageRequest } from '@/lib/api/list';
import { apiRoute } from '@/lib/api/route';
import { checkoutSessionEndpoints } from '@/lib/checkout/endpoints';
import { listLineItems } from '@/lib/checkout/list-line-items';
import { foundSession, sessionUuidFrom } from '@/lib/checkout/route-helpers';
import { lineItemUuid } from '@/lib/checkout/session-id';

export const GET = apiRoute(
  checkoutSessionEndpoints.listLineItems,
  async ({ tx, caller, params, pathParams, url }) => {
    const publicId = pathParams.session!;
    const id = sessionUuidFrom(publicId, caller);
    const page = pageRequest(params, lineItemUuid, 'line_item');
    const result = await listLineItems(tx, caller, id, page);
    foundSession(publicId, result.session);
    if (!result.page) cursorMissing(params, 'line_item');
    return listEnvelope(url.pathname, result.page.data, result.page.hasMore);
  },
);

export {
  unknownRoute as POST,
  unknownRoute as DELETE,
  unknownRoute as PUT,
  unknownRoute as PATCH,
} from '@/lib/api/route';
