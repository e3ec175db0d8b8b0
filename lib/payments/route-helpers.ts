import { CommittedError, resourceMissing } from '@/lib/api/errors';
import { fromPublicId } from '@/lib/api/object-id';
import type { HandlerContext } from '@/lib/api/route';
import type { ConfirmResult } from './confirm-payment-intent';
import { cardError } from './errors';
import { expandPaymentIntent } from './payment-intent-object';
import type { PaymentRow } from './repository';

/** The payment id behind `pi_…`, or "No such payment_intent" (missing, malformed or another merchant's). */
export function paymentIdFrom(publicId: string): string {
  const id = fromPublicId('pi', publicId);
  if (!id) throw resourceMissing('payment_intent', publicId, 'intent');
  return id;
}

export function foundPayment<T>(publicId: string, result: T | null): T {
  if (result === null) throw resourceMissing('payment_intent', publicId, 'intent');
  return result;
}

export const requestInfo = (ctx: Pick<HandlerContext<unknown>, 'requestId' | 'idempotencyKey'>) => ({
  requestId: ctx.requestId,
  idempotencyKey: ctx.idempotencyKey,
});

/** The response for a row: the (expanded) intent, or a committed 402 for a decline. */
export async function intentResponse(
  ctx: Pick<HandlerContext<{ expand?: string[] }>, 'tx' | 'caller' | 'params'>,
  result: ConfirmResult | { row: PaymentRow },
) {
  const object = await expandPaymentIntent(ctx.tx, ctx.caller, result.row, ctx.params.expand);
  if ('decline' in result && result.decline) return new CommittedError(cardError(result.decline, object));
  return object;
}
