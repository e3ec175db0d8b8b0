import { z } from 'zod';
import { billingDetailsParam } from '@/lib/vault/schemas';
import { bool, expand, int, listParams, metadata, text, unsettable } from '@/lib/api/params';

/**
 * /v1/payment_intents parameters and object, after Stripe's. Card payments
 * only: `payment_method_types` accepts `card`; Stripe parameters we do not
 * implement are `parameter_unknown`.
 */
const MAX_AMOUNT = 99_999_999;

export const amount = () => int(z.number().int().min(1).max(MAX_AMOUNT));
/** ISO 4217, any case on input; stored upper case, shown lower case as Stripe does. */
export const currency = () =>
  z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'a three-letter ISO currency code')
    .transform((c) => c.toUpperCase());

/** Billing details of a card sent with the request: the same parameter as on /v1/payment_methods. */
export const billingDetails = billingDetailsParam;

/** A card entered with the request (test mode only; hosted checkout in live mode). */
export const paymentMethodData = z.strictObject({
  type: z.literal('card'),
  card: z.strictObject({
    number: z.string().max(30),
    exp_month: int(z.number().int().min(1).max(12)),
    exp_year: int(z.number().int().min(0).max(9999)),
    cvc: z
      .string()
      .regex(/^\d{3,4}$/, 'three or four digits')
      .optional(),
  }),
  billing_details: billingDetails.optional(),
  metadata: metadata().optional(),
});
export type PaymentMethodDataParam = z.infer<typeof paymentMethodData>;

const captureMethod = z.enum(['automatic', 'manual']);
const paymentMethodTypes = z.array(z.literal('card')).min(1).max(1);

export const createPaymentIntentParams = z.strictObject({
  amount: amount(),
  currency: currency(),
  customer: z.string().max(255).optional(),
  description: unsettable(text(1000)).optional(),
  metadata: metadata().optional(),
  payment_method: z.string().max(255).optional(),
  payment_method_data: paymentMethodData.optional(),
  payment_method_types: paymentMethodTypes.optional(),
  automatic_payment_methods: z.strictObject({ enabled: bool() }).optional(),
  capture_method: captureMethod.optional(),
  confirm: bool().optional(),
  return_url: z.url().max(2000).optional(),
  receipt_email: unsettable(z.email().max(255)).optional(),
  statement_descriptor: unsettable(text(22)).optional(),
  expand: expand().optional(),
});
export type CreatePaymentIntentParams = z.infer<typeof createPaymentIntentParams>;

export const updatePaymentIntentParams = z.strictObject({
  amount: amount().optional(),
  currency: currency().optional(),
  customer: unsettable(z.string().max(255)).optional(),
  description: unsettable(text(1000)).optional(),
  metadata: metadata().optional(),
  payment_method: z.string().max(255).optional(),
  payment_method_data: paymentMethodData.optional(),
  payment_method_types: paymentMethodTypes.optional(),
  capture_method: captureMethod.optional(),
  receipt_email: unsettable(z.email().max(255)).optional(),
  statement_descriptor: unsettable(text(22)).optional(),
  expand: expand().optional(),
});
export type UpdatePaymentIntentParams = z.infer<typeof updatePaymentIntentParams>;

export const confirmPaymentIntentParams = z.strictObject({
  payment_method: z.string().max(255).optional(),
  payment_method_data: paymentMethodData.optional(),
  payment_method_types: paymentMethodTypes.optional(),
  capture_method: captureMethod.optional(),
  receipt_email: unsettable(z.email().max(255)).optional(),
  return_url: z.url().max(2000).optional(),
  expand: expand().optional(),
});
export type ConfirmPaymentIntentParams = z.infer<typeof confirmPaymentIntentParams>;

export const capturePaymentIntentParams = z.strictObject({
  amount_to_capture: amount().optional(),
  metadata: metadata().optional(),
  statement_descriptor: unsettable(text(22)).optional(),
  expand: expand().optional(),
});
export type CapturePaymentIntentParams = z.infer<typeof capturePaymentIntentParams>;

export const cancelPaymentIntentParams = z.strictObject({
  cancellation_reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned']).optional(),
  expand: expand().optional(),
});
export type CancelPaymentIntentParams = z.infer<typeof cancelPaymentIntentParams>;

export const retrievePaymentIntentParams = z.strictObject({
  client_secret: z.string().max(255).optional(),
  expand: expand().optional(),
});

export const listPaymentIntentsParams = z.strictObject({
  ...listParams,
  customer: z.string().max(255).optional(),
});
export type ListPaymentIntentsParams = z.infer<typeof listPaymentIntentsParams>;

const paymentError = z.object({
  type: z.string(),
  code: z.string().optional(),
  decline_code: z.string().optional(),
  message: z.string(),
  payment_method: z.unknown().optional(),
});

export const paymentIntentObject = z
  .object({
    id: z.string().describe('`pi_` followed by 22 base62 characters.'),
    object: z.literal('payment_intent'),
    amount: z.number().int(),
    amount_capturable: z.number().int(),
    amount_received: z.number().int(),
    canceled_at: z.number().int().nullable(),
    cancellation_reason: z.string().nullable(),
    capture_method: captureMethod,
    client_secret: z.string(),
    confirmation_method: z.literal('automatic'),
    created: z.number().int(),
    currency: z.string(),
    customer: z.unknown().nullable().describe('Customer id, or the customer object when expanded.'),
    description: z.string().nullable(),
    last_payment_error: paymentError.nullable(),
    latest_charge: z.string().nullable(),
    livemode: z.boolean(),
    metadata: z.record(z.string(), z.string()),
    next_action: z.record(z.string(), z.unknown()).nullable(),
    payment_method: z.unknown().nullable().describe('PaymentMethod id, or the object when expanded.'),
    payment_method_types: z.array(z.string()),
    receipt_email: z.string().nullable(),
    statement_descriptor: z.string().nullable(),
    status: z.enum([
      'requires_payment_method',
      'requires_confirmation',
      'requires_action',
      'processing',
      'requires_capture',
      'canceled',
      'succeeded',
    ]),
  })
  .meta({ id: 'payment_intent', description: "A payment, after Stripe's `payment_intent` object." });
export type PaymentIntentObject = z.infer<typeof paymentIntentObject>;

export const paymentIntentListObject = z.object({
  object: z.literal('list'),
  data: z.array(paymentIntentObject),
  has_more: z.boolean(),
  url: z.string(),
});
