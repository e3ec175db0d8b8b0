import type { z } from 'zod';

/**
 * List pages take their filters from the URL (GET forms), so a filtered view
 * can be bookmarked and shared. Unknown keys are ignored rather than rejected
 * (a link with an extra parameter should still open); a value that does not
 * parse is dropped and named in `invalid`, so the page can say which filter
 * it ignored instead of silently showing everything.
 */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter, trimmed; empty is absent. */
export const firstParam = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** A parameter parsed by `schema`, or undefined (named in `invalid` when present but unreadable). */
export function pickParam<T>(
  params: SearchParams,
  key: string,
  schema: z.ZodType<T>,
  invalid: string[],
): T | undefined {
  const raw = firstParam(params[key]);
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  invalid.push(key);
  return undefined;
}

/** A query string from filter values, leaving out empty ones. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
