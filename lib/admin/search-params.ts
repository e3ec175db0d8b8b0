import { z } from 'zod';
import { AUDIT_OUTCOMES, type AuditFilters } from './list-audit-events';
import type { MerchantListFilters } from './list-merchants';
import { MERCHANT_STATUSES, VERIFICATION_STATUSES } from './merchant-status';

/**
 * The console's list pages take their filters from the URL (GET forms), so a
 * filtered view can be bookmarked and shared. Unknown keys are ignored rather
 * than rejected (a link with an extra parameter should still open); a value
 * that does not parse is dropped and named in `invalid`, so the page can say
 * which filter it ignored instead of silently showing everything.
 */
export type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

function pick<T>(params: SearchParams, key: string, schema: z.ZodType<T>, invalid: string[]): T | undefined {
  const raw = first(params[key]);
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  invalid.push(key);
  return undefined;
}

const text = (max: number) => z.string().max(max);
const page = z.coerce.number().int().min(1).max(100_000);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));
const cursor = z
  .string()
  .regex(/^\d{1,19}$/)
  .transform((s) => BigInt(s));

export function parseMerchantListParams(params: SearchParams): {
  filters: MerchantListFilters;
  invalid: string[];
} {
  const invalid: string[] = [];
  const filters: MerchantListFilters = {
    query: pick(params, 'q', text(200), invalid),
    status: pick(params, 'status', z.enum(MERCHANT_STATUSES), invalid),
    verification: pick(params, 'verification', z.enum(VERIFICATION_STATUSES), invalid),
    page: pick(params, 'page', page, invalid) ?? 1,
  };
  return { filters, invalid };
}

const DAY_MS = 24 * 3600 * 1000;

/** Dates are whole UTC days, both ends included: "to 2026-03-02" means before 2026-03-03 00:00 UTC. */
export function parseAuditParams(params: SearchParams): { filters: AuditFilters; invalid: string[] } {
  const invalid: string[] = [];
  const from = pick(params, 'from', day, invalid);
  const to = pick(params, 'to', day, invalid);
  const filters: AuditFilters = {
    action: pick(params, 'action', text(100), invalid),
    outcome: pick(params, 'outcome', z.enum(AUDIT_OUTCOMES), invalid),
    actorEmail: pick(params, 'actor', text(255), invalid),
    merchantId: pick(params, 'merchant', uuid, invalid),
    from: from ? new Date(`${from}T00:00:00Z`) : undefined,
    until: to ? new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) : undefined,
    before: pick(params, 'before', cursor, invalid),
    after: pick(params, 'after', cursor, invalid),
  };
  return { filters, invalid };
}

/** A query string from filter values, leaving out empty ones. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
