import { COMPONENT_REF, resolve, unwrapNullable, type JsonSchema } from '@/lib/api/json-schema';

/**
 * Rows of the API reference's tables, read off the OpenAPI document's JSON
 * Schemas: parameters in Stripe's bracket notation (`address[city]`,
 * `expand[]`), response fields in dotted notation (`shipping.name`).
 */
export interface Row {
  name: string;
  type: string;
  /** A component schema the type names, for a link to its section. */
  object?: string;
  required: boolean;
  description?: string;
  /** Limits a value must respect: lengths, ranges, allowed values. */
  constraints: string[];
  depth: number;
}

type Components = Record<string, JsonSchema>;

const componentName = (schema: JsonSchema) =>
  schema.$ref?.startsWith(COMPONENT_REF) ? schema.$ref.slice(COMPONENT_REF.length) : undefined;

const literal = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const quoted = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

function typeLabel(schema: JsonSchema): string {
  const named = componentName(schema);
  if (named) return `${named} object`;
  if (schema.const !== undefined) return quoted(schema.const);
  if (schema.enum) return 'enum';
  if (schema.anyOf) return schema.anyOf.map(typeLabel).join(' or ');
  if (schema.type === 'array') return `array of ${plural(schema.items ? typeLabel(schema.items) : 'values')}`;
  if (schema.type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object') {
    return `hash of ${plural(typeLabel(unwrapNullable(schema.additionalProperties).schema))}`;
  }
  if (schema.type === 'string' && schema.format) return `string (${schema.format})`;
  return Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
}

function plural(label: string): string {
  return label.endsWith(' object') || /^[a-z]+$/.test(label) ? `${label}s` : label;
}

/** Human-readable limits of one schema (not of its children, which get rows of their own). */
export function constraintsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (schema.minLength === 1) out.push('not empty');
  else if (schema.minLength !== undefined && schema.minLength > 1)
    out.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) out.push(`at most ${schema.maxLength} characters`);
  if (schema.minimum !== undefined && schema.maximum !== undefined) {
    out.push(`${schema.minimum} to ${schema.maximum}`);
  } else if (schema.minimum !== undefined) out.push(`at least ${schema.minimum}`);
  else if (schema.maximum !== undefined) out.push(`at most ${schema.maximum}`);
  if (schema.maxItems !== undefined) out.push(`at most ${schema.maxItems} items`);
  if (schema.pattern && schema.format === undefined) out.push(`matches /${schema.pattern}/`);
  if (schema.enum) out.push(`one of ${schema.enum.map(literal).join(', ')}`);
  if (schema.items) out.push(...constraintsOf(schema.items).map((c) => `each ${c}`));
  if (typeof schema.additionalProperties === 'object') {
    const keys = schema.propertyNames?.maxLength;
    if (keys !== undefined) out.push(`keys at most ${keys} characters`);
    const values = unwrapNullable(schema.additionalProperties);
    out.push(...constraintsOf(values.schema).map((c) => `values ${c}`));
    if (values.nullable) out.push('a key set to an empty string is removed');
  }
  return out;
}

/** The object branch of a schema whose children get rows (`created` is an integer or an object). */
function childObject(schema: JsonSchema): JsonSchema | undefined {
  if (schema.properties) return schema;
  return schema.anyOf?.find((o) => o.properties);
}

/**
 * Parameter rows, children after their parent. `nullable` in a request schema
 * is Stripe's "empty string unsets": `description=` clears the field.
 */
export function parameterRows(
  name: string,
  raw: JsonSchema,
  required: boolean,
  components: Components,
  depth = 0,
): Row[] {
  const { schema: unwrapped, nullable } = unwrapNullable(raw);
  const schema = { ...resolve(unwrapped, components), description: raw.description ?? unwrapped.description };
  const isArray = schema.type === 'array';
  const constraints = constraintsOf(schema);
  if (nullable) constraints.push('an empty string unsets it');
  const row: Row = {
    name: isArray ? `${name}[]` : name,
    type: typeLabel(schema),
    required,
    ...(schema.description ? { description: schema.description } : {}),
    constraints,
    depth,
  };
  const object = childObject(schema);
  const children = Object.entries(object?.properties ?? {}).flatMap(([child, childSchema]) =>
    parameterRows(
      `${name}[${child}]`,
      childSchema,
      object?.required?.includes(child) ?? false,
      components,
      depth + 1,
    ),
  );
  return [row, ...children];
}

/**
 * Field rows of a response object. A named object (`address`) is linked, not
 * repeated; inline objects (`invoice_settings`) list their fields.
 */
export function fieldRows(schema: JsonSchema, prefix = '', depth = 0): Row[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, raw]) => {
    const { schema: field, nullable } = unwrapNullable(raw);
    const label = typeLabel(field);
    const object = componentName(field);
    const row: Row = {
      name: `${prefix}${name}`,
      type: nullable ? `${label}, nullable` : label,
      ...(object ? { object } : {}),
      required: schema.required?.includes(name) ?? false,
      ...((raw.description ?? field.description)
        ? { description: raw.description ?? field.description }
        : {}),
      constraints: field.const === undefined ? constraintsOf(field) : [],
      depth,
    };
    const items = field.type === 'array' ? field.items : undefined;
    const itemObject = items ? componentName(items) : undefined;
    if (itemObject) row.object = itemObject;
    return [row, ...(field.properties ? fieldRows(field, `${prefix}${name}.`, depth + 1) : [])];
  });
}
