import { z } from 'zod';
import { firstParam, pickParam, type SearchParams } from '@/lib/search-params';
import { fromPublicId } from '@/lib/api/object-id';
import { DASHBOARD_STATUSES } from '../repository';
import type { PaymentCursor, PaymentListFilter } from './list-payments';

/**
 * Payments takes its filters from the URL (a GET form), so a filtered view
 * can be bookmarked and shared. Unknown keys are ignored; a value that does
 * not parse is dropped and named in `invalid`. Dates are whole UTC days, both
 * ends included: "to 2026-03-02" means before 2026-03-03 00:00 UTC.
 */
export type { SearchParams } from '@/lib/search-params';

export const PAYMENT_FILTER_KEYS = ['status', 'from', 'to', 'customer'] as const;
export type PaymentFilterKey = (typeof PAYMENT_FILTER_KEYS)[number];

const DAY_MS = 24 * 3600 * 1000;
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((s) => Date.parse(`${s}T00:00:00Z`))
  .refine((t) => !Number.isNaN(t));
const publicId = (prefix: 'pi' | 'cus') =>
  z
    .string()
    .transform((s) => fromPublicId(prefix, s))
    .refine((id): id is string => id !== null);

const schemas = {
  status: z.enum(DASHBOARD_STATUSES),
  from: day,
  to: day,
  customer: publicId('cus'),
  before: publicId('pi'),
  after: publicId('pi'),
};

export interface ParsedPaymentParams {
  filter: PaymentListFilter;
  cursor: PaymentCursor | null;
  /** The filters as typed, for the form and the page links. */
  typed: Partial<Record<PaymentFilterKey, string>>;
  invalid: string[];
}

export function parsePaymentParams(params: SearchParams): ParsedPaymentParams {
  const invalid: string[] = [];
  const pick = <K extends keyof typeof schemas>(key: K): z.infer<(typeof schemas)[K]> | undefined =>
    pickParam(params, key, schemas[key] as z.ZodType, invalid) as z.infer<(typeof schemas)[K]> | undefined;
  const from = pick('from');
  const to = pick('to');
  const filter: PaymentListFilter = {
    status: pick('status'),
    customerId: pick('customer'),
    from: from !== undefined ? new Date(from) : undefined,
    until: to !== undefined ? new Date(to + DAY_MS) : undefined,
  };
  // "older than" a payment: the next page down; "newer than": the page above.
  const after = pick('after');
  const before = pick('before');
  const cursor: PaymentCursor | null = after
    ? { id: after, direction: 'older' }
    : before
      ? { id: before, direction: 'newer' }
      : null;
  const typed = Object.fromEntries(PAYMENT_FILTER_KEYS.map((k) => [k, firstParam(params[k])]));
  return { filter, cursor, typed, invalid };
}
