import { z } from 'zod';
import {
  type ApiError,
  invalidRequest,
  parameterInvalid,
  parameterMissing,
  parameterUnknown,
} from './errors';

/**
 * Field helpers for /v1 schemas. Form bodies deliver every value as a string,
 * JSON bodies deliver typed values; these accept both and describe themselves
 * to the OpenAPI document by their output type. Stripe's "empty string unsets"
 * is `unsettable(...)`: `description=` (or JSON null) clears the field.
 */
const numeric = /^-?\d+$/;

/**
 * An integer, from a form string or a JSON number. Bounds go inside (`int(z.number().int().max(100))`)
 * rather than in a `.pipe()` after it, so the OpenAPI document sees one integer schema with its range.
 */
export const int = (schema: z.ZodNumber = z.number().int()) =>
  z.preprocess((v) => (typeof v === 'string' && numeric.test(v) ? Number(v) : v), schema);

export const bool = () => z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

export const text = (max: number) => z.string().max(max);

export const unsettable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? null : v), schema.nullable());

const METADATA_KEY_MAX = 40;
const METADATA_VALUE_MAX = 500;
const METADATA_KEYS_MAX = 50;

/**
 * Stripe's metadata: up to 50 keys of 40 characters, values of 500. In an
 * update, a key set to "" (or null) is removed, and `metadata=` clears them all.
 * Numbers and booleans in JSON bodies are stored as strings, as Stripe does.
 */
export const metadata = () =>
  unsettable(
    z
      .record(
        z.string().min(1).max(METADATA_KEY_MAX),
        z.preprocess(
          (v) => (v === '' ? null : typeof v === 'number' || typeof v === 'boolean' ? String(v) : v),
          z.string().max(METADATA_VALUE_MAX).nullable(),
        ),
      )
      .refine((m) => Object.keys(m).length <= METADATA_KEYS_MAX, {
        message: `Metadata can have at most ${METADATA_KEYS_MAX} keys.`,
      }),
  );

export type MetadataParam = Record<string, string | null> | null | undefined;

/** Applies a metadata parameter to stored metadata (update semantics). */
export function mergeMetadata(current: Record<string, string>, param: MetadataParam): Record<string, string> {
  if (param === undefined) return current;
  if (param === null) return {};
  const next = { ...current };
  for (const [k, v] of Object.entries(param)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next;
}

/** The metadata of a new object: keys set to "" are simply absent. */
export function initialMetadata(param: MetadataParam): Record<string, string> {
  return mergeMetadata({}, param);
}

export const expand = () => z.array(z.string().min(1).max(200)).max(20);

/** `created=1700000000` or `created[gte]=…&created[lt]=…`, in Unix seconds. */
export const timestampRange = () =>
  z.union([
    int(),
    z.strictObject({
      gt: int().optional(),
      gte: int().optional(),
      lt: int().optional(),
      lte: int().optional(),
    }),
  ]);
export type TimestampRange = z.infer<ReturnType<typeof timestampRange>>;

export const listParams = {
  limit: int(z.number().int().min(1).max(100))
    .optional()
    .describe('How many objects to return (default 10).'),
  starting_after: z
    .string()
    .max(255)
    .optional()
    .describe('A cursor: the id of the last object of the previous page, for the next page.'),
  ending_before: z
    .string()
    .max(255)
    .optional()
    .describe('A cursor: the id of the first object of the next page, for the previous page.'),
  created: timestampRange()
    .optional()
    .describe('Only objects created at this Unix time, or in a range with `gt`, `gte`, `lt`, `lte`.'),
  expand: expand().optional().describe('Fields of the response to expand, with the `data.` prefix.'),
};

/** `['address', 'line1']` → `address[line1]`, as Stripe names parameters. */
export function paramName(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (i === 0 ? String(p) : `[${String(p)}]`)).join('');
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p as string];
  }
  return v;
}

function describe(issue: z.core.$ZodIssue, param: string, raw: unknown): string {
  const value = valueAt(raw, issue.path);
  const shown = typeof value === 'string' ? value.slice(0, 80) : JSON.stringify(value)?.slice(0, 80);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return `Invalid integer: ${shown}`;
      if (issue.expected === 'boolean') return `Invalid boolean: ${shown}`;
      if (issue.expected === 'object' || issue.expected === 'record')
        return `Invalid object: ${param} must be a hash (e.g. ${param}[key]=value)`;
      if (issue.expected === 'array')
        return `Invalid array: ${param} must be a list (e.g. ${param}[0]=value)`;
      return `Invalid ${issue.expected}: ${shown}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Invalid string: ${param} must be at most ${String(issue.maximum)} characters`
        : issue.origin === 'array'
          ? `Invalid array: ${param} must have at most ${String(issue.maximum)} elements`
          : `Invalid ${param}: must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `Invalid string: ${param} must be at least ${String(issue.minimum)} characters`
        : `Invalid ${param}: must be at least ${String(issue.minimum)}`;
    case 'invalid_format':
      return issue.format === 'email' ? `Invalid email address: ${shown}` : `Invalid ${param}: ${shown}`;
    case 'invalid_value':
      return `Invalid ${param}: must be one of ${issue.values.map(String).join(', ')}`;
    default:
      return `Invalid ${param}: ${issue.message}`;
  }
}

/** A zod failure → the Stripe error the SDK expects, naming the first bad parameter. */
export function toApiError(error: z.ZodError, raw: unknown): ApiError {
  const issue = error.issues[0];
  if (!issue) return invalidRequest('Invalid request.');
  if (issue.code === 'unrecognized_keys') return parameterUnknown(paramName([...issue.path, issue.keys[0]!]));
  if (issue.code === 'invalid_union') {
    // A union (e.g. created=int | {gte,…}) names the parameter, not each branch.
    const nested = issue.errors.flat()[0];
    if (nested?.code === 'unrecognized_keys') {
      return parameterUnknown(paramName([...issue.path, ...nested.path, nested.keys[0]!]));
    }
  }
  const param = paramName(issue.path);
  if (issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined) return parameterMissing(param);
  return parameterInvalid(param, describe(issue, param, raw));
}

/** Validates parsed parameters against an endpoint's schema. */
export function validateParams<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (!result.success) throw toApiError(result.error, raw);
  return result.data;
}

/** A postal address parameter (customers, shipping, billing details), Stripe's fields; "" unsets one. */
export const addressParam = () =>
  z.strictObject({
    city: unsettable(text(200)).optional(),
    country: unsettable(z.string().regex(/^[A-Za-z]{2}$/, 'a two-letter ISO country code')).optional(),
    line1: unsettable(text(200)).optional(),
    line2: unsettable(text(200)).optional(),
    postal_code: unsettable(text(20)).optional(),
    state: unsettable(text(200)).optional(),
  });
