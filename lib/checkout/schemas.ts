import { z } from 'zod';
import { expand, int, listParams, metadata, text } from '@/lib/api/params';

/**
 * /v1/checkout/sessions parameters and objects: Stripe's, for mode `payment`
 * with `price_data` line items. Stripe parameters we do not implement (price,
 * discounts, shipping, tax, subscriptions, ui_mode, …) are `parameter_unknown`.
 */
export const MAX_LINE_ITEMS = 100;
export const MAX_QUANTITY = 999_999;
export const MAX_IMAGES = 8;
/** The session total, like a PaymentIntent's amount (lib/payments/schemas.ts). */
export const MAX_TOTAL = 99_999_999;

const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'a three-letter ISO currency code')
  .transform((c) => c.toUpperCase());

const lineItemParam = z.strictObject({
  /** Stripe's Price objects are not implemented: named here only to refuse it clearly. */
  price: z.string().max(255).optional(),
  price_data: z
    .strictObject({
      currency,
      unit_amount: int(z.number().int().min(0).max(MAX_TOTAL)),
      product_data: z.strictObject({
        name: text(250).min(1),
        description: text(500).optional(),
        images: z.array(z.string().max(2048)).max(MAX_IMAGES).optional(),
      }),
    })
    .optional(),
  quantity: int(z.number().int().min(1).max(MAX_QUANTITY)),
});

export const createCheckoutSessionParams = z.strictObject({
  mode: z.string().max(20).optional().describe('`payment` (the default): a one-time card payment.'),
  line_items: z
    .array(lineItemParam)
    .min(1)
    .max(MAX_LINE_ITEMS)
    .describe(
      'What the customer pays for: `price_data` (currency, unit_amount, product_data) and `quantity`.',
    ),
  customer: z.string().max(255).optional().describe('An existing customer (`cus_…`).'),
  customer_email: z.email().max(255).optional().describe('Prefills the email field of the page.'),
  success_url: z
    .string()
    .max(2048)
    .describe('Where the customer goes after paying; `{CHECKOUT_SESSION_ID}` is replaced by the id.'),
  cancel_url: z.string().max(2048).optional().describe('Where the page’s back link leads.'),
  expires_at: int().optional().describe('Unix time, 30 minutes to 24 hours from now (default: 24 hours).'),
  metadata: metadata().optional(),
  payment_intent_data: z
    .strictObject({
      capture_method: z.enum(['automatic', 'manual']).optional(),
      description: text(1000).optional(),
      metadata: metadata().optional(),
    })
    .optional(),
  payment_method_types: z.array(z.literal('card')).min(1).max(1).optional(),
  expand: expand().optional(),
});
export type CreateCheckoutSessionParams = z.infer<typeof createCheckoutSessionParams>;

export const retrieveCheckoutSessionParams = z.strictObject({ expand: expand().optional() });
export const expireCheckoutSessionParams = z.strictObject({ expand: expand().optional() });

export const SESSION_STATUSES = ['open', 'complete', 'expired'] as const;

export const listCheckoutSessionsParams = z.strictObject({
  ...listParams,
  customer: z.string().max(255).optional(),
  payment_intent: z.string().max(255).optional(),
  status: z.enum(SESSION_STATUSES).optional(),
});
export type ListCheckoutSessionsParams = z.infer<typeof listCheckoutSessionsParams>;

export const listLineItemsParams = z.strictObject({
  limit: listParams.limit,
  starting_after: listParams.starting_after,
  ending_before: listParams.ending_before,
  expand: expand().optional(),
});
export type ListLineItemsParams = z.infer<typeof listLineItemsParams>;

export const lineItemObject = z
  .object({
    id: z.string(),
    object: z.literal('item'),
    amount_discount: z.number().int(),
    amount_subtotal: z.number().int(),
    amount_tax: z.number().int(),
    amount_total: z.number().int(),
    currency: z.string(),
    description: z.string().describe('The product name.'),
    price: z.object({
      object: z.literal('price'),
      currency: z.string(),
      unit_amount: z.number().int(),
      type: z.literal('one_time'),
      product_data: z.object({
        name: z.string(),
        description: z.string().nullable(),
        images: z.array(z.string()),
      }),
    }),
    quantity: z.number().int(),
  })
  .meta({ id: 'checkout.session.line_item', description: 'A line of a Checkout Session.' });
export type LineItemObject = z.infer<typeof lineItemObject>;

export const lineItemListObject = z.object({
  object: z.literal('list'),
  data: z.array(lineItemObject),
  has_more: z.boolean(),
  url: z.string(),
});

const customerDetails = z.object({
  email: z.string().nullable(),
  name: z.string().nullable(),
  address: z
    .object({
      city: z.string().nullable(),
      country: z.string().nullable(),
      line1: z.string().nullable(),
      line2: z.string().nullable(),
      postal_code: z.string().nullable(),
      state: z.string().nullable(),
    })
    .nullable(),
  phone: z.string().nullable(),
  tax_exempt: z.literal('none'),
  tax_ids: z.array(z.unknown()),
});

export const checkoutSessionObject = z
  .object({
    id: z.string().describe('`cs_test_…` or `cs_live_…`.'),
    object: z.literal('checkout.session'),
    amount_subtotal: z.number().int(),
    amount_total: z.number().int(),
    cancel_url: z.string().nullable(),
    created: z.number().int(),
    currency: z.string(),
    customer: z.unknown().nullable(),
    customer_details: customerDetails.nullable(),
    customer_email: z.string().nullable(),
    expires_at: z.number().int(),
    line_items: lineItemListObject.optional().describe('Only when expanded.'),
    livemode: z.boolean(),
    metadata: z.record(z.string(), z.string()),
    mode: z.literal('payment'),
    payment_intent: z.unknown().nullable().describe('PaymentIntent id, or the object when expanded.'),
    payment_method_types: z.array(z.string()),
    payment_status: z.enum(['paid', 'unpaid', 'no_payment_required']),
    status: z.enum(SESSION_STATUSES),
    success_url: z.string(),
    ui_mode: z.literal('hosted'),
    url: z.string().nullable().describe('The hosted page, while the session is open.'),
  })
  .meta({ id: 'checkout.session', description: "A hosted payment page, after Stripe's `checkout.session`." });
export type CheckoutSessionObject = z.infer<typeof checkoutSessionObject>;

export const checkoutSessionListObject = z.object({
  object: z.literal('list'),
  data: z.array(checkoutSessionObject),
  has_more: z.boolean(),
  url: z.string(),
});
