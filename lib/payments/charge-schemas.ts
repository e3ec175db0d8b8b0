import { z } from 'zod';
import { expand, listParams } from '@/lib/api/params';

/**
 * /v1/charges parameters and object, after Stripe's. A charge is read-only
 * here: it is created by confirming a PaymentIntent (one charge per payment,
 * `ch_` + the payment's id, lib/payments/charge-object.ts).
 */
export const retrieveChargeParams = z.strictObject({
  expand: expand().optional(),
});

export const listChargesParams = z.strictObject({
  ...listParams,
  customer: z.string().max(255).optional().describe('Only charges of this customer (`cus_…`).'),
  payment_intent: z.string().max(255).optional().describe('Only the charge of this PaymentIntent (`pi_…`).'),
});
export type ListChargesParams = z.infer<typeof listChargesParams>;

export const chargeObjectSchema = z
  .object({
    id: z.string().describe('`ch_` followed by 22 base62 characters.'),
    object: z.literal('charge'),
    amount: z.number().int(),
    amount_captured: z.number().int(),
    amount_refunded: z.number().int(),
    captured: z.boolean(),
    created: z.number().int(),
    currency: z.string(),
    customer: z.string().nullable(),
    description: z.string().nullable(),
    disputed: z.boolean(),
    failure_code: z.string().nullable(),
    failure_message: z.string().nullable(),
    livemode: z.boolean(),
    metadata: z.record(z.string(), z.string()),
    outcome: z
      .object({
        network_status: z.string(),
        reason: z.string().nullable(),
        risk_level: z.string(),
        risk_score: z.number().int().nullable(),
        seller_message: z.string(),
        type: z.string(),
      })
      .nullable()
      .describe('The fraud check’s and the network’s verdict (docs/fraud.md).'),
    paid: z.boolean(),
    payment_intent: z.string(),
    payment_method: z.string().nullable(),
    payment_method_details: z.unknown().nullable(),
    receipt_email: z.string().nullable(),
    refunded: z.boolean(),
    status: z.enum(['succeeded', 'pending', 'failed']),
  })
  .describe('A charge: the authorization (and capture) of a PaymentIntent.');

export const chargeListObject = z.object({
  object: z.literal('list'),
  data: z.array(chargeObjectSchema),
  has_more: z.boolean(),
  url: z.string(),
});
