import { ApiError, invalidRequest } from '@/lib/api/errors';
import type { IntentStatus, Operation } from './status';

/** Stripe's answer to an operation the intent's state does not allow. */
export function unexpectedState(operation: Operation, status: IntentStatus, publicId: string): ApiError {
  const verbs: Record<Operation, string> = {
    confirm: 'confirm',
    capture: 'capture',
    cancel: 'cancel',
    update_payment_details: 'update the payment details of',
    refund: 'refund',
  };
  return invalidRequest(
    `You cannot ${verbs[operation]} this PaymentIntent because it has a status of ${status}.`,
    { code: 'payment_intent_unexpected_state', extra: { payment_intent: { id: publicId, status } } },
  );
}

/** A decline as Stripe's 402 card_error, carrying the intent as it now is. */
export function cardError(
  decline: { code: string; declineCode: string; message: string },
  paymentIntent: unknown,
): ApiError {
  return new ApiError(402, 'card_error', decline.message, {
    code: decline.code,
    declineCode: decline.declineCode,
    extra: { payment_intent: paymentIntent },
  });
}
