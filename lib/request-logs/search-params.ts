import { z } from 'zod';
import { firstParam, pickParam, type SearchParams } from '@/lib/search-params';
import { LOGGED_METHODS, STATUS_CLASSES, type LogCursor, type RequestLogFilter } from './filters';

/**
 * The logs page takes its filters from the URL (a GET form), so a filtered
 * view can be bookmarked and shared. Unknown keys are ignored; a value that
 * does not parse is dropped and named in `invalid`, so the page can say which
 * filter it ignored instead of silently showing everything.
 */
export type { SearchParams } from '@/lib/search-params';

export const FILTER_KEYS = ['status', 'code', 'path', 'method'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const REQUEST_ID = /^req_[0-9A-Za-z]{1,60}$/;

const schemas = {
  status: z.enum(STATUS_CLASSES),
  code: z.coerce.number().int().min(100).max(599),
  path: z.string().startsWith('/').max(500),
  method: z.enum(LOGGED_METHODS),
  before: z.string().regex(REQUEST_ID),
  after: z.string().regex(REQUEST_ID),
};

export function isRequestId(value: string): boolean {
  return REQUEST_ID.test(value);
}

export interface ParsedLogParams {
  filter: RequestLogFilter;
  cursor: LogCursor | null;
  /** The filters as typed, for the form. */
  typed: Partial<Record<FilterKey, string>>;
  invalid: string[];
}

export function parseLogParams(params: SearchParams): ParsedLogParams {
  const invalid: string[] = [];
  const pick = <K extends keyof typeof schemas>(key: K): z.infer<(typeof schemas)[K]> | undefined =>
    pickParam(params, key, schemas[key] as z.ZodType, invalid) as z.infer<(typeof schemas)[K]> | undefined;
  const filter: RequestLogFilter = {
    statusClass: pick('status'),
    status: pick('code'),
    pathPrefix: pick('path'),
    method: pick('method'),
  };
  const before = pick('before');
  const after = pick('after');
  const cursor: LogCursor | null = before
    ? { requestId: before, direction: 'older' }
    : after
      ? { requestId: after, direction: 'newer' }
      : null;
  const typed = Object.fromEntries(FILTER_KEYS.map((k) => [k, firstParam(params[k])]));
  return { filter, cursor, typed, invalid };
}
