import { describe, expect, it } from 'vitest';
import { parseCheckoutSessionId } from '@/lib/checkout/session-id';
import { catalogue } from './catalogue';
import { COMPONENT_REF, type JsonSchema } from './json-schema';
import { fromPublicId, type ObjectPrefix } from './object-id';
import {
  buildOpenApiDocument,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
} from './openapi';
import { validateParams } from './params';
import { API_VERSION } from './version';
import { createCustomerParams } from '@/lib/customers/schemas';

const doc = buildOpenApiDocument(catalogue, 'https://pay.example');
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ path, method, op })),
);

/** Resolves a local JSON pointer (`#/components/schemas/customer`) in the document. */
function pointer(ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

const own = (op: OpenApiOperation) => op.parameters.filter((p): p is OpenApiParameter => !('$ref' in p));
const byId = (id: string) => operations.find((o) => o.op.operationId === id)!.op;
const formSchema = (op: OpenApiOperation) =>
  op.requestBody!.content['application/x-www-form-urlencoded']!.schema;

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with the server, the API version and both ways to present a key', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(API_VERSION);
    expect(doc.servers).toEqual([{ url: 'https://pay.example' }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.basicAuth).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(doc.security).toEqual([{ bearerAuth: [] }, { basicAuth: [] }]);
  });

  it('has every catalogue endpoint under its method and path, with a unique operationId', () => {
    for (const endpoint of catalogue) {
      const op = doc.paths[endpoint.path]?.[endpoint.method.toLowerCase() as 'get' | 'post' | 'delete'];
      expect(op, `${endpoint.method} ${endpoint.path}`).toBeDefined();
      expect(op!.operationId).toBe(endpoint.name);
      expect(op!.summary).toBe(endpoint.summary);
      expect(op!.tags).toEqual([endpoint.tag]);
    }
    expect(operations).toHaveLength(catalogue.length);
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/v1/customers']).toHaveProperty('post');
    expect(doc.paths['/v1/customers/{customer}']).toHaveProperty('delete');
  });

  it('resolves every $ref', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref.startsWith('#/'), ref).toBe(true);
      expect(pointer(ref), ref).toBeDefined();
    }
  });

  it('declares every path parameter of every path, and no others', () => {
    for (const { path, op } of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = own(op).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), `${op.operationId}`).toEqual(inPath);
      for (const p of declared) expect(p.required).toBe(true);
    }
  });

  it('names the permission a restricted key needs on each operation', () => {
    for (const endpoint of catalogue) {
      const op = byId(endpoint.name);
      const permission = `${endpoint.access.resource}:${endpoint.access.access}`;
      expect(op['x-permission']).toBe(permission);
      expect(op.description).toContain(`\`${permission}\``);
    }
    expect(byId('customers.create')['x-permission']).toBe('customers:write');
    expect(byId('customers.list')['x-permission']).toBe('customers:read');
  });

  it('describes the customer create body from the strict schema: known fields only', () => {
    const op = byId('customers.create');
    const body = formSchema(op);
    expect(Object.keys(body.properties!).sort()).toEqual(Object.keys(createCustomerParams.shape).sort());
    expect(body.properties).toHaveProperty('email');
    expect(body.properties).toHaveProperty('metadata');
    expect(body.properties).toHaveProperty('address');
    expect(body.properties).not.toHaveProperty('balance');
    expect(body.additionalProperties).toBe(false);
    expect(op.requestBody!.content['application/json']!.schema).toEqual(body);

    // Nested strict objects are closed too; unsettable fields accept null.
    const address = body.properties!.address!.anyOf!.find((s) => s.type === 'object')!;
    expect(address.additionalProperties).toBe(false);
    expect(Object.keys(address.properties!)).toContain('line1');
    expect(body.properties!.email!.anyOf).toContainEqual({ type: 'null' });
  });

  it('form-encodes nested parameters as deepObject, as Stripe does', () => {
    const encoding =
      byId('customers.create').requestBody!.content['application/x-www-form-urlencoded']!.encoding!;
    for (const name of ['address', 'metadata', 'shipping', 'expand']) {
      expect(encoding[name]).toEqual({ style: 'deepObject', explode: true });
    }
    expect(encoding).not.toHaveProperty('email');
  });

  it('gives the preprocessed helpers their meaningful types', () => {
    const list = own(byId('customers.list'));
    const param = (name: string) => list.find((p) => p.name === name)!;
    expect(param('limit').schema).toEqual({ type: 'integer', minimum: 1, maximum: 100 });
    expect(param('created')).toMatchObject({ in: 'query', style: 'deepObject', explode: true });
    expect(param('created').schema.anyOf).toContainEqual({ type: 'integer' });
    expect(param('expand')).toMatchObject({ style: 'deepObject', schema: { type: 'array' } });

    const metadata = formSchema(byId('customers.create')).properties!.metadata!;
    const hash = metadata.anyOf!.find((s) => s.type === 'object')!;
    expect(hash.propertyNames).toMatchObject({ type: 'string', maxLength: 40 });
    expect((hash.additionalProperties as JsonSchema).anyOf).toContainEqual({
      type: 'string',
      maxLength: 500,
    });
  });

  it('shares the customer object as a component and returns it', () => {
    const customer = doc.components.schemas.customer!;
    expect(customer.properties).toHaveProperty('email');
    expect(customer.properties!.metadata).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'string' },
    });
    const ok = (id: string) => {
      const response = byId(id).responses['200'];
      return response && 'content' in response ? response.content!['application/json']!.schema : undefined;
    };
    expect(ok('customers.create')).toEqual({ $ref: `${COMPONENT_REF}customer` });
    expect(ok('customers.retrieve')!.anyOf).toEqual([
      { $ref: `${COMPONENT_REF}customer` },
      { $ref: `${COMPONENT_REF}deleted_customer` },
    ]);
    expect(ok('customers.list')!.properties!.data).toEqual({
      type: 'array',
      items: { $ref: `${COMPONENT_REF}customer` },
    });
  });

  it('lists the error responses with the one error schema, and the headers', () => {
    for (const { op } of operations) {
      for (const status of ['400', '401', '403', '429', '500']) {
        expect(op.responses[status], `${op.operationId} ${status}`).toHaveProperty('$ref');
      }
      expect(op.parameters).toContainEqual({ $ref: '#/components/parameters/StripeVersion' });
    }
    expect(byId('customers.create').responses['409']).toBeDefined();
    expect(byId('customers.retrieve').responses['404']).toBeDefined();
    expect(byId('customers.create').parameters).toContainEqual({
      $ref: '#/components/parameters/IdempotencyKey',
    });
    expect(byId('customers.list').parameters).not.toContainEqual({
      $ref: '#/components/parameters/IdempotencyKey',
    });
    for (const response of Object.values(doc.components.responses)) {
      expect(response.content!['application/json']!.schema).toEqual({ $ref: `${COMPONENT_REF}error` });
      expect(response.headers).toHaveProperty('Request-Id');
    }
    expect(doc.components.responses.TooManyRequests!.headers).toHaveProperty('Retry-After');
  });

  it('publishes examples the endpoints accept', () => {
    for (const endpoint of catalogue) {
      if (endpoint.example?.params) {
        expect(() => validateParams(endpoint.params, endpoint.example!.params)).not.toThrow();
      }
      for (const id of Object.values(endpoint.example?.pathParams ?? {})) {
        // PaymentMethod ids are the vault's random tokens, not encoded UUIDs (lib/vault/types.ts).
        if (id.startsWith('pm_')) {
          expect(id).toMatch(/^pm_[0-9A-Za-z]{24}$/);
          continue;
        }
        // Checkout Session ids carry the mode (lib/checkout/session-id.ts).
        if (id.startsWith('cs_')) {
          expect(parseCheckoutSessionId(id), id).not.toBeNull();
          continue;
        }
        const prefix = id.slice(0, id.indexOf('_')) as ObjectPrefix;
        expect(fromPublicId(prefix, id), id).not.toBeNull();
      }
    }
  });

  it('survives a JSON round trip unchanged (no undefined, functions or cycles)', () => {
    expect(JSON.parse(JSON.stringify(doc)) as OpenApiDocument).toEqual(doc);
  });
});
