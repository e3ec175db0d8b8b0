import { z } from 'zod';
import { addressObject } from '@/lib/customers/schemas';
import { addressParam, expand, int, listParams, metadata, text, unsettable } from '@/lib/api/params';

/**
 * /v1/payment_methods parameters and object, after Stripe's. Card fields are
 * plain strings here and checked by lib/vault/validate-card.ts, so that a bad
 * number gets Stripe's 402 card_error (`incorrect_number`, …) and so that no
 * schema message can ever echo a card number or CVC back (JSON numbers are
 * taken as strings for that reason too).
 */
const digitsString = (max: number) =>
  z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().max(max));

const address = addressParam();

export const billingDetailsParam = z.strictObject({
  address: unsettable(address).optional(),
  email: unsettable(z.email().max(255)).optional(),
  name: unsettable(text(256)).optional(),
  phone: unsettable(text(20)).optional(),
});
export type BillingDetailsParam = z.infer<typeof billingDetailsParam>;

const cardParam = z.strictObject({
  number: digitsString(64).optional().describe('The card number (test mode, or from the hosted checkout).'),
  exp_month: int().optional().describe('Expiry month, 1–12.'),
  exp_year: int().optional().describe('Expiry year, four digits (two are read as 20xx).'),
  cvc: digitsString(8).optional().describe('Used for the first authorization only; never stored.'),
  token: z.string().max(255).optional().describe('A test token such as `tok_visa` (test mode).'),
});

export const createPaymentMethodParams = z.strictObject({
  type: z.literal('card').describe('Only `card` is supported.'),
  card: cardParam.describe('The card: `number`, `exp_month`, `exp_year`, `cvc`; or a test `token`.'),
  billing_details: billingDetailsParam.optional().describe('Billing name, email, phone and address.'),
  metadata: metadata().optional().describe('Key-value pairs stored on the object.'),
  expand: expand().optional().describe('Fields of the response to expand.'),
});
export type CreatePaymentMethodParams = z.infer<typeof createPaymentMethodParams>;

export const updatePaymentMethodParams = z.strictObject({
  billing_details: billingDetailsParam
    .optional()
    .describe('Fields given replace the stored ones ("" unsets); `address` is replaced as a whole.'),
  metadata: metadata().optional().describe('Merged key by key; `metadata[key]=` removes a key.'),
  expand: expand().optional().describe('Fields of the response to expand.'),
});
export type UpdatePaymentMethodParams = z.infer<typeof updatePaymentMethodParams>;

export const retrievePaymentMethodParams = z.strictObject({
  expand: expand().optional().describe('Fields of the response to expand.'),
});

export const attachPaymentMethodParams = z.strictObject({
  customer: z.string().max(255).describe('The customer (`cus_…`) to attach the PaymentMethod to.'),
  expand: expand().optional().describe('Fields of the response to expand.'),
});

export const detachPaymentMethodParams = retrievePaymentMethodParams;

const { limit, starting_after, ending_before } = listParams;
const pageParams = { limit, starting_after, ending_before, expand: listParams.expand };

export const listPaymentMethodsParams = z.strictObject({
  ...pageParams,
  customer: z.string().max(255).describe('The customer whose PaymentMethods to list (required).'),
  type: z.literal('card').optional().describe('Only `card`.'),
});

export const listCustomerPaymentMethodsParams = z.strictObject({
  ...pageParams,
  type: z.literal('card').optional().describe('Only `card`.'),
});

export type BillingAddress = z.infer<typeof addressObject>;

export const billingDetailsObject = z.object({
  address: addressObject,
  email: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  tax_id: z.null(),
});
export type BillingDetails = z.infer<typeof billingDetailsObject>;

export const paymentMethodObject = z
  .object({
    id: z.string().describe('`pm_` followed by 24 base62 characters.'),
    object: z.literal('payment_method'),
    allow_redisplay: z.literal('unspecified'),
    billing_details: billingDetailsObject.describe('Stored encrypted.'),
    card: z.object({
      brand: z.string().describe('visa, mastercard, amex, discover, jcb, diners, unionpay or unknown.'),
      checks: z.object({
        address_line1_check: z.null(),
        address_postal_code_check: z.null(),
        cvc_check: z.string().nullable().describe('`pass` when a CVC was given with the card, else null.'),
      }),
      country: z.string().nullable(),
      display_brand: z.string(),
      exp_month: z.number().int(),
      exp_year: z.number().int(),
      fingerprint: z.string().describe('The same card gives the same fingerprint within an account.'),
      funding: z.string().describe('credit, debit, prepaid or unknown.'),
      generated_from: z.null(),
      last4: z.string(),
      networks: z.object({ available: z.array(z.string()), preferred: z.null() }),
      regulated_status: z.null(),
      three_d_secure_usage: z.object({ supported: z.boolean() }),
      wallet: z.null(),
    }),
    created: z.number().int().describe('Unix seconds.'),
    customer: z.string().nullable().describe('The customer it is attached to, if any.'),
    customer_account: z.null(),
    livemode: z.boolean(),
    metadata: z.record(z.string(), z.string()),
    type: z.literal('card'),
  })
  .meta({ id: 'payment_method', description: "A vaulted card, after Stripe's `payment_method` object." });
export type PaymentMethodObject = z.infer<typeof paymentMethodObject>;

export const paymentMethodListObject = z.object({
  object: z.literal('list'),
  data: z.array(paymentMethodObject),
  has_more: z.boolean(),
  url: z.string(),
});
