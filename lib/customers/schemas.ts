import { z } from 'zod';
import { addressParam, expand, listParams, metadata, text, unsettable } from '@/lib/api/params';

/**
 * /v1/customers parameters and object, after Stripe's. Parameters Stripe has
 * and we do not implement (balance, coupon, invoice_settings, payment_method,
 * tax, …) are unknown parameters here and get `parameter_unknown`.
 */
const address = addressParam();

const shipping = z.strictObject({
  address,
  name: text(256),
  phone: unsettable(text(20)).optional(),
});

const email = z.email().max(255);

export const createCustomerParams = z.strictObject({
  address: unsettable(address).optional().describe("The customer's address."),
  description: unsettable(text(1000))
    .optional()
    .describe('An arbitrary string, shown beside the customer in the dashboard.'),
  email: unsettable(email).optional().describe("The customer's email address."),
  metadata: metadata()
    .optional()
    .describe('Key-value pairs stored on the object: up to 50 keys of 40 characters, values of 500.'),
  name: unsettable(text(256)).optional().describe("The customer's full name or business name."),
  phone: unsettable(text(20)).optional().describe("The customer's phone number."),
  shipping: unsettable(shipping).optional().describe('Shipping name, phone and address.'),
  expand: expand().optional().describe('Fields of the response to expand.'),
});
export type CreateCustomerParams = z.infer<typeof createCustomerParams>;

export const updateCustomerParams = createCustomerParams;
export type UpdateCustomerParams = CreateCustomerParams;

export const retrieveCustomerParams = z.strictObject({
  expand: expand().optional().describe('Fields of the response to expand.'),
});

export const deleteCustomerParams = z.strictObject({});

export const listCustomersParams = z.strictObject({
  ...listParams,
  email: z
    .string()
    .max(512)
    .optional()
    .describe('Only customers with exactly this email address (case-sensitive).'),
});
export type ListCustomersParams = z.infer<typeof listCustomersParams>;

// `.meta({ id })` names an object for the OpenAPI document: it becomes a shared component there.
export const addressObject = z
  .object({
    city: z.string().nullable().describe('City, district, suburb, town or village.'),
    country: z.string().nullable().describe('Two-letter country code (ISO 3166-1 alpha-2).'),
    line1: z.string().nullable().describe('Address line 1 (street, PO box or company name).'),
    line2: z.string().nullable().describe('Address line 2 (apartment, suite, unit or building).'),
    postal_code: z.string().nullable().describe('ZIP or postal code.'),
    state: z.string().nullable().describe('State, county, province or region.'),
  })
  .meta({ id: 'address' });

export const customerObject = z
  .object({
    id: z.string().describe('`cus_` followed by 22 base62 characters.'),
    object: z.literal('customer'),
    address: addressObject.nullable().describe("The customer's address."),
    balance: z.number().int().describe('Always 0: customer credit balances are not implemented.'),
    created: z.number().int().describe('Unix seconds.'),
    currency: z.string().nullable().describe('Always null: no invoicing currency is set.'),
    default_source: z.null(),
    delinquent: z.boolean().describe('Always false: invoices are not implemented.'),
    description: z.string().nullable().describe('An arbitrary string attached to the object.'),
    email: z.string().nullable().describe("The customer's email address."),
    invoice_settings: z.object({
      custom_fields: z.null(),
      default_payment_method: z.null(),
      footer: z.null(),
      rendering_options: z.null(),
    }),
    livemode: z.boolean().describe('True in live mode, false in test mode.'),
    metadata: z.record(z.string(), z.string()).describe('Key-value pairs stored on the object.'),
    name: z.string().nullable().describe("The customer's full name or business name."),
    phone: z.string().nullable().describe("The customer's phone number."),
    preferred_locales: z.array(z.string()),
    shipping: z
      .object({ address: addressObject, name: z.string(), phone: z.string().nullable() })
      .nullable()
      .describe('Shipping name, phone and address.'),
    tax_exempt: z.literal('none'),
    test_clock: z.null(),
  })
  .meta({ id: 'customer', description: "A customer of the merchant, after Stripe's `customer` object." });
export type CustomerObject = z.infer<typeof customerObject>;

export const deletedCustomerObject = z
  .object({
    id: z.string(),
    object: z.literal('customer'),
    deleted: z.literal(true),
  })
  .meta({ id: 'deleted_customer', description: 'What remains of a deleted customer: its id.' });

export const customerListObject = z.object({
  object: z.literal('list'),
  data: z.array(customerObject),
  has_more: z.boolean(),
  url: z.string(),
});
