import { z } from 'zod';
import { pickParam, type SearchParams } from '@/lib/search-params';
import { AUDIT_OUTCOMES, type AuditFilters } from './list-audit-events';
import type { MerchantListFilters } from './list-merchants';
import { MERCHANT_STATUSES, VERIFICATION_STATUSES } from './merchant-status';

/** The console's list filters, read from the URL (lib/search-params.ts). */
export { queryString, type SearchParams } from '@/lib/search-params';

const pick = pickParam;

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
