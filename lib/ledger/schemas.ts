import { z } from 'zod';
import { expand, listParams } from '@/lib/api/params';
import { BALANCE_TRANSACTION_TYPES } from './accounts';

/** /v1/balance and /v1/balance_transactions parameters and objects, after Stripe's. */
export const retrieveBalanceParams = z.strictObject({
  expand: expand().optional().describe('Fields of the response to expand.'),
});

export const retrieveBalanceTransactionParams = retrieveBalanceParams;

export const listBalanceTransactionsParams = z.strictObject({
  ...listParams,
  type: z.enum(BALANCE_TRANSACTION_TYPES).optional().describe('Only transactions of this type.'),
  source: z
    .string()
    .max(255)
    .optional()
    .describe('Only transactions caused by this object: a payment (`pi_…`) or a refund (`re_…`).'),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'a three-letter ISO currency code')
    .optional()
    .describe('Only transactions in this currency (three-letter ISO code).'),
});
export type ListBalanceTransactionsParams = z.infer<typeof listBalanceTransactionsParams>;

const balanceAmount = z.object({
  amount: z.number().int().describe('Minor units; negative when refunds exceeded what was available.'),
  currency: z.string().describe('Three-letter ISO code, lower case.'),
  source_types: z.object({ card: z.number().int() }),
});

export const balanceObject = z
  .object({
    object: z.literal('balance'),
    available: z.array(balanceAmount).describe('Funds that can be paid out, per currency.'),
    pending: z.array(balanceAmount).describe('Funds not yet available (see `available_on`), per currency.'),
    livemode: z.boolean(),
  })
  .meta({ id: 'balance' });

const feeDetail = z.object({
  amount: z.number().int(),
  application: z.string().nullable(),
  currency: z.string(),
  description: z.string().nullable(),
  type: z.string(),
});

export const balanceTransactionObject = z
  .object({
    id: z.string().describe('`txn_…`'),
    object: z.literal('balance_transaction'),
    amount: z.number().int().describe('Gross amount, minor units; negative for money out (refunds).'),
    available_on: z.number().int().describe('Unix time the funds become (or became) available.'),
    balance_type: z.literal('payments'),
    created: z.number().int(),
    currency: z.string(),
    description: z.string().nullable(),
    exchange_rate: z.null(),
    fee: z.number().int().describe('Fees paid for this transaction, minor units.'),
    fee_details: z.array(feeDetail),
    net: z.number().int().describe('`amount` minus `fee`.'),
    reporting_category: z.string(),
    source: z.string().nullable().describe('The payment (`pi_…`) or refund (`re_…`) that caused it.'),
    status: z.enum(['pending', 'available']),
    type: z.enum(BALANCE_TRANSACTION_TYPES),
  })
  .meta({ id: 'balance_transaction' });

export const balanceTransactionListObject = z.object({
  object: z.literal('list'),
  data: z.array(balanceTransactionObject),
  has_more: z.boolean(),
  url: z.string(),
});
