import { z } from 'zod';
import { expand, listParams, metadata, text, unsettable } from '@/lib/api/params';

/**
 * /v1/customers parameters and object, after Stripe's. Parameters Stripe has
 * and we do not implement (balance, coupon, invoice_settings, payment_method,
 * tax, …) are unknown parameters here and get `parameter_unknown`.
 */
const address = z.strictObject({
  city: unsettable(text(200)).optional(),
  country: unsettable(z.string().regex(/^[A-Za-z]{2}$/, 'a two-letter ISO country code')).optional(),
  line1: unsettable(text(200)).optional(),
  line2: unsettable(text(200)).optional(),
  postal_code: unsettable(text(20)).optional(),
  state: unsettable(text(200)).optional(),
});

const shipping = z.strictObject({
  address,
  name: text(256),
  phone: unsettable(text(20)).optional(),
});

const email = z.email().max(255);

export const createCustomerParams = z.strictObject({
  address: unsettable(address).optional(),
  description: unsettable(text(1000)).optional(),
  email: unsettable(email).optional(),
  metadata: metadata().optional(),
  name: unsettable(text(256)).optional(),
  phone: unsettable(text(20)).optional(),
  shipping: unsettable(shipping).optional(),
  expand: expand().optional(),
});
export type CreateCustomerParams = z.infer<typeof createCustomerParams>;

export const updateCustomerParams = createCustomerParams;
export type UpdateCustomerParams = CreateCustomerParams;

export const retrieveCustomerParams = z.strictObject({ expand: expand().optional() });

export const deleteCustomerParams = z.strictObject({});

export const listCustomersParams = z.strictObject({
  ...listParams,
  email: z.string().max(512).optional(),
});
export type ListCustomersParams = z.infer<typeof listCustomersParams>;

const addressObject = z.object({
  city: z.string().nullable(),
  country: z.string().nullable(),
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  postal_code: z.string().nullable(),
  state: z.string().nullable(),
});

export const customerObject = z.object({
  id: z.string().describe('`cus_` followed by 22 base62 characters.'),
  object: z.literal('customer'),
  address: addressObject.nullable(),
  balance: z.number().int().describe('Always 0: customer credit balances are not implemented.'),
  created: z.number().int().describe('Unix seconds.'),
  currency: z.string().nullable(),
  default_source: z.null(),
  delinquent: z.boolean(),
  description: z.string().nullable(),
  email: z.string().nullable(),
  invoice_settings: z.object({
    custom_fields: z.null(),
    default_payment_method: z.null(),
    footer: z.null(),
    rendering_options: z.null(),
  }),
  livemode: z.boolean(),
  metadata: z.record(z.string(), z.string()),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  preferred_locales: z.array(z.string()),
  shipping: z.object({ address: addressObject, name: z.string(), phone: z.string().nullable() }).nullable(),
  tax_exempt: z.literal('none'),
  test_clock: z.null(),
});
export type CustomerObject = z.infer<typeof customerObject>;

export const deletedCustomerObject = z.object({
  id: z.string(),
  object: z.literal('customer'),
  deleted: z.literal(true),
});

export const customerListObject = z.object({
  object: z.literal('list'),
  data: z.array(customerObject),
  has_more: z.boolean(),
  url: z.string(),
});
