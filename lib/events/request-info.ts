import type { HandlerContext } from '@/lib/api/route';
import type { EventRequest } from './record-event';

/** Stripe's `event.request` for events a /v1 request causes: its `req_…` and Idempotency-Key. */
export const requestInfo = (
  ctx: Pick<HandlerContext<unknown>, 'requestId' | 'idempotencyKey'>,
): EventRequest => ({
  requestId: ctx.requestId,
  idempotencyKey: ctx.idempotencyKey,
});
