import { z } from 'zod';

/**
 * zod → JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) for the OpenAPI
 * document. Schemas named with `.meta({ id })` are moved into a shared map of
 * components and referenced as `#/components/schemas/<id>`.
 */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  [keyword: string]: unknown;
}

export const COMPONENT_REF = '#/components/schemas/';

/**
 * `input` for parameters (what a client sends: the form/JSON helpers describe
 * the value after their string coercion, which is the type a client means),
 * `output` for response objects.
 */
export type SchemaIo = 'input' | 'output';

export function toJsonSchema(
  schema: z.ZodType,
  io: SchemaIo,
  components: Record<string, JsonSchema>,
): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'throw',
  }) as JsonSchema;
  const { $schema: _dialect, $defs, ...root } = json;
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
    const moved = rehome(def, io);
    const existing = components[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(moved)) {
      throw new Error(`Two different schemas are named "${name}" for the OpenAPI document.`);
    }
    components[name] = moved;
  }
  return rehome(root, io);
}

/** Points `$defs` references at the components and tidies what zod emits. */
function rehome(schema: JsonSchema, io: SchemaIo): JsonSchema {
  const copy = JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', `"${COMPONENT_REF}`)) as JsonSchema;
  tidy(copy, io);
  return copy;
}

function tidy(node: unknown, io: SchemaIo): void {
  if (Array.isArray(node)) {
    for (const item of node) tidy(item, io);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as JsonSchema;
  // z.number().int() states the safe-integer range; it says nothing to a reader.
  if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
  if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
  // zod's email regex is an implementation detail; `format: email` is the contract.
  if (schema.format === 'email') delete schema.pattern;
  // Response objects are open: new fields may appear without a version change,
  // as at Stripe. (Parameter objects are strict and keep `additionalProperties: false`.)
  if (io === 'output' && schema.additionalProperties === false) delete schema.additionalProperties;
  for (const value of Object.values(schema)) tidy(value, io);
}

/** The schema a `$ref` points at, or the schema itself. */
export function resolve(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  if (!schema.$ref?.startsWith(COMPONENT_REF)) return schema;
  const target = components[schema.$ref.slice(COMPONENT_REF.length)];
  if (!target) throw new Error(`Unresolved reference ${schema.$ref}`);
  return target;
}

/** `anyOf: [X, null]` and `type: [T, 'null']` → X and whether null is allowed. */
export function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const rest = schema.type.filter((t) => t !== 'null');
    return { schema: { ...schema, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  const options = schema.anyOf;
  if (options?.some((o) => o.type === 'null')) {
    const rest = options.filter((o) => o.type !== 'null');
    if (rest.length === 1) {
      const { anyOf: _anyOf, ...outer } = schema;
      return { schema: { ...rest[0], ...outer }, nullable: true };
    }
    return { schema: { ...schema, anyOf: rest }, nullable: true };
  }
  return { schema, nullable: false };
}
