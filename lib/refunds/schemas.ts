import { z } from 'zod';
import { expand, listParams, metadata } from '@/lib/api/params';
import { amount } from '@/lib/payments/schemas';

/** /v1/refunds parameters and object, after Stripe's (card refunds). */
export const createRefundParams = z.strictObject({
  payment_intent: z.string().max(255).optional(),
  charge: z.string().max(255).optional(),
  amount: amount().optional(),
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
  metadata: metadata().optional(),
  expand: expand().optional(),
});
export type CreateRefundParams = z.infer<typeof createRefundParams>;

export const updateRefundParams = z.strictObject({
  metadata: metadata().optional(),
  expand: expand().optional(),
});
export type UpdateRefundParams = z.infer<typeof updateRefundParams>;

export const cancelRefundParams = z.strictObject({ expand: expand().optional() });

export const retrieveRefundParams = z.strictObject({ expand: expand().optional() });

export const listRefundsParams = z.strictObject({
  ...listParams,
  payment_intent: z.string().max(255).optional(),
  charge: z.string().max(255).optional(),
});
export type ListRefundsParams = z.infer<typeof listRefundsParams>;

export const refundObject = z
  .object({
    id: z.string().describe('`re_` followed by 22 base62 characters.'),
    object: z.literal('refund'),
    amount: z.number().int(),
    charge: z.string(),
    created: z.number().int(),
    currency: z.string(),
    failure_reason: z.string().nullable().optional(),
    metadata: z.record(z.string(), z.string()),
    payment_intent: z.string(),
    reason: z.string().nullable(),
    receipt_number: z.null(),
    status: z.enum(['pending', 'succeeded', 'failed', 'canceled']),
  })
  .meta({ id: 'refund', description: "A refund of a payment, after Stripe's `refund` object." });
export type RefundObject = z.infer<typeof refundObject>;

export const refundListObject = z.object({
  object: z.literal('list'),
  data: z.array(refundObject),
  has_more: z.boolean(),
  url: z.string(),
});
