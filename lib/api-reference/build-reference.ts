import { COMPONENT_REF, type JsonSchema } from '@/lib/api/json-schema';
import {
  permissionSentence,
  type HttpMethod,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
} from '@/lib/api/openapi';
import { curlSample, nodeSample } from './code-samples';
import { fieldRows, parameterRows, type Row } from './schema-rows';

/**
 * The dashboard's API reference, read off the OpenAPI document (never a copy
 * of it): one section per tag, one entry per operation, then the objects.
 */
export interface ReferenceOperation {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  description: string;
  permission: string;
  parameters: Row[];
  /** The component names the operation returns (`customer`), or empty for an inline object. */
  returns: string[];
  /** The fields of an inline response object (a list). */
  responseFields: Row[];
  curl: string;
  node: string;
}

export interface ReferenceObject {
  name: string;
  description?: string;
  fields: Row[];
}

export interface Reference {
  title: string;
  version: string;
  serverUrl: string;
  sections: { tag: string; operations: ReferenceOperation[] }[];
  objects: ReferenceObject[];
}

function isParameter(p: OpenApiOperation['parameters'][number]): p is OpenApiParameter {
  return !('$ref' in p);
}

function parameters(op: OpenApiOperation, components: Record<string, JsonSchema>): Row[] {
  // Header parameters (Stripe-Version, Idempotency-Key) are the same everywhere
  // and explained once at the top of the page.
  const own = op.parameters.filter(isParameter);
  const rows = own.flatMap((p) => {
    const schema = p.description ? { ...p.schema, description: p.description } : p.schema;
    return parameterRows(p.name, schema, p.required ?? false, components);
  });
  const body = op.requestBody?.content['application/x-www-form-urlencoded']?.schema;
  for (const [name, schema] of Object.entries(body?.properties ?? {})) {
    rows.push(...parameterRows(name, schema, body?.required?.includes(name) ?? false, components));
  }
  return rows;
}

function returned(schema: JsonSchema | undefined): string[] {
  const refs = schema?.$ref ? [schema] : (schema?.anyOf ?? []);
  return refs.flatMap((s) => (s.$ref?.startsWith(COMPONENT_REF) ? [s.$ref.slice(COMPONENT_REF.length)] : []));
}

function exampleOf(op: OpenApiOperation): {
  pathParams: Record<string, string>;
  params?: Record<string, unknown>;
} {
  const own = op.parameters.filter(isParameter);
  const pathParams = Object.fromEntries(
    own
      .filter((p) => p.in === 'path' && typeof p.example === 'string')
      .map((p) => [p.name, p.example as string]),
  );
  const query = own
    .filter((p) => p.in === 'query' && p.example !== undefined)
    .map((p): [string, unknown] => [p.name, p.example]);
  const body = op.requestBody?.content['application/json']?.example as Record<string, unknown> | undefined;
  return { pathParams, params: body ?? (query.length ? Object.fromEntries(query) : undefined) };
}

export function buildReference(doc: OpenApiDocument): Reference {
  const components = doc.components.schemas;
  const serverUrl = doc.servers[0]?.url ?? '';
  const sections = doc.tags.map(({ name: tag }) => ({ tag, operations: [] as ReferenceOperation[] }));

  for (const [path, item] of Object.entries(doc.paths)) {
    // In the order the catalogue declared them (create before list).
    for (const [method, op] of Object.entries(item) as [HttpMethod, OpenApiOperation][]) {
      const response = op.responses['200'];
      const schema =
        response && 'content' in response ? response.content?.['application/json']?.schema : undefined;
      const returns = returned(schema);
      const example = { ...exampleOf(op), method, path, operationId: op.operationId, serverUrl };
      const section = sections.find((s) => op.tags.includes(s.tag));
      section?.operations.push({
        id: op.operationId,
        method,
        path,
        summary: op.summary,
        // The page shows the permission on a line of its own.
        description: op.description
          .split('\n\n')
          .filter((p) => p !== permissionSentence(op['x-permission']))
          .join('\n\n'),
        permission: op['x-permission'],
        parameters: parameters(op, components),
        returns,
        responseFields: returns.length === 0 && schema ? fieldRows(schema) : [],
        curl: curlSample(example),
        node: nodeSample(example),
      });
    }
  }

  const objects = Object.entries(components).map(([name, schema]) => ({
    name,
    ...(schema.description ? { description: schema.description } : {}),
    fields: fieldRows(schema),
  }));
  return { title: doc.info.title, version: doc.info.version, serverUrl, sections, objects };
}
