import { cursorMissing, listEnvelope, pageRequest } from '@/lib/api/list';
import { apiRoute } from '@/lib/api/route';
import { checkoutSessionObject } from '@/lib/checkout/checkout-session-object';
import { createCheckoutSession } from '@/lib/checkout/create-checkout-session';
import { checkoutSessionEndpoints } from '@/lib/checkout/endpoints';
import { listCheckoutSessions } from '@/lib/checkout/list-checkout-sessions';
import { parseCheckoutSessionId } from '@/lib/checkout/session-id';

export const POST = apiRoute(checkoutSessionEndpoints.create, async ({ tx, caller, params }) => {
  const row = await createCheckoutSession(tx, caller, params);
  return checkoutSessionObject(tx, caller, row, params.expand);
});

export const GET = apiRoute(checkoutSessionEndpoints.list, async ({ tx, caller, params, url }) => {
  const decode = (id: string) => {
    const parsed = parseCheckoutSessionId(id);
    return parsed && parsed.livemode === caller.livemode ? parsed.uuid : null;
  };
  const page = pageRequest(params, decode, 'checkout.session');
  const result = await listCheckoutSessions(tx, caller, params, page);
  if (!result) cursorMissing(params, 'checkout.session');
  return listEnvelope(url.pathname, result.data, result.hasMore);
});

export { unknownRoute as DELETE, unknownRoute as PUT, unknownRoute as PATCH } from '@/lib/api/route';
