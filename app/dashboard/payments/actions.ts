'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ApiError } from '@/lib/api/errors';
import type { ActionState } from '@/lib/auth/action';
import { merchantAction } from '@/lib/auth/action';
import type { MerchantContext } from '@/lib/auth/current';
import type { RequestContext } from '@/lib/auth/request-context';
import { PaymentFormError, type PaymentActor } from '@/lib/payments/dashboard/actor';
import { cancelPaymentFromDashboard } from '@/lib/payments/dashboard/cancel-payment';
import { capturePaymentFromDashboard } from '@/lib/payments/dashboard/capture-payment';
import {
  cancelPaymentSchema,
  capturePaymentSchema,
  refundPaymentSchema,
} from '@/lib/payments/dashboard/form-schemas';
import { refundPaymentFromDashboard } from '@/lib/payments/dashboard/refund-payment';

/**
 * The payment page's server actions: merchantAction checks session, CSRF and
 * the permission (refunds:write; payments:write to capture or cancel) before
 * anything runs. The merchant and mode are the session's, never the form's;
 * each change is audited by its use case.
 */
const PAYMENTS = '/dashboard/payments';

const actorOf = (ctx: MerchantContext, context: RequestContext): PaymentActor => ({
  merchantId: ctx.merchant.id,
  mode: ctx.mode,
  userId: ctx.user.userId,
  email: ctx.user.email,
  context,
});

/** Domain refusals (ApiError) and typing mistakes become the form's message; anything else is a bug. */
function failure(err: unknown): ActionState {
  if (err instanceof PaymentFormError)
    return { ok: false, error: err.message, fieldErrors: { [err.field]: [err.message] } };
  if (err instanceof ApiError) {
    const field =
      err.options.param === 'amount' || err.options.param === 'amount_to_capture' ? 'amount' : null;
    return { ok: false, error: err.message, ...(field ? { fieldErrors: { [field]: [err.message] } } : {}) };
  }
  throw err;
}

/** The payment page with its one-line outcome notice (PaymentPage reads `done`). */
const donePath = (paymentIntent: string, done: 'captured' | 'canceled') =>
  `${PAYMENTS}/${encodeURIComponent(paymentIntent)}?done=${done}`;

function refresh(paymentIntent: string) {
  revalidatePath(`${PAYMENTS}/${paymentIntent}`);
  revalidatePath(PAYMENTS);
  revalidatePath('/dashboard');
}

export const refundPaymentAction = merchantAction(
  'refunds:write',
  refundPaymentSchema,
  async (input, ctx, context) => {
    try {
      const { refund, formatted } = await refundPaymentFromDashboard(actorOf(ctx, context), input);
      refresh(input.payment_intent);
      return refund.status === 'succeeded'
        ? { ok: true, message: `Refunded ${formatted}.` }
        : { ok: false, error: `The refund of ${formatted} was declined by the processor.` };
    } catch (err) {
      return failure(err);
    }
  },
);

export const capturePaymentAction = merchantAction(
  'payments:write',
  capturePaymentSchema,
  async (input, ctx, context) => {
    try {
      await capturePaymentFromDashboard(actorOf(ctx, context), input);
    } catch (err) {
      return failure(err);
    }
    refresh(input.payment_intent);
    // The capture form is gone once the payment is captured: the page says what happened.
    redirect(donePath(input.payment_intent, 'captured'));
  },
);

export const cancelPaymentAction = merchantAction(
  'payments:write',
  cancelPaymentSchema,
  async (input, ctx, context) => {
    try {
      await cancelPaymentFromDashboard(actorOf(ctx, context), input);
    } catch (err) {
      return failure(err);
    }
    refresh(input.payment_intent);
    redirect(donePath(input.payment_intent, 'canceled'));
  },
);
