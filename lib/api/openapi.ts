import { appUrl } from '@/lib/env';
import { catalogue } from './catalogue';
import type { Endpoint } from './endpoint';
import { errorObject } from './errors';
import { COMPONENT_REF, toJsonSchema, unwrapNullable, type JsonSchema } from './json-schema';
import { API_VERSION, API_VERSION_FORMAT } from './version';

/**
 * The OpenAPI 3.1 document of /v1, generated from the endpoint catalogue and
 * the same zod schemas the pipeline validates with, so it cannot drift from
 * what the server does. Served at /v1/openapi.json and rendered by the
 * dashboard's API reference. Parameters are described as Stripe's own spec
 * does: nested query parameters (`created[gte]`, `expand[]`) and form fields
 * use `style: deepObject` with `explode`.
 */
type Ref = { $ref: string };

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description?: string;
  schema: JsonSchema;
  style?: 'simple' | 'form' | 'deepObject';
  explode?: boolean;
  example?: unknown;
}

export interface OpenApiMediaType {
  schema: JsonSchema;
  encoding?: Record<string, { style: 'deepObject'; explode: true }>;
  example?: unknown;
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, Ref>;
  content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  /** The restricted-key permission the operation needs (secret keys have them all). */
  'x-permission': string;
  parameters: (OpenApiParameter | Ref)[];
  requestBody?: { required: boolean; content: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse | Ref>;
}

export type HttpMethod = 'get' | 'post' | 'delete';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string }[];
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, { type: 'http'; scheme: string; description: string }>;
    parameters: Record<string, OpenApiParameter>;
    headers: Record<string, { description: string; schema: JsonSchema }>;
    responses: Record<string, OpenApiResponse>;
  };
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const ref = (section: string, name: string): Ref => ({ $ref: `#/components/${section}/${name}` });

const HEADERS = {
  'Request-Id': { description: 'The request id; quote it when asking for help.', schema: { type: 'string' } },
  'Stripe-Version': {
    description: 'The API version the request was served with.',
    schema: { type: 'string' },
  },
  'RateLimit-Limit': {
    description: "The key's request budget for this endpoint.",
    schema: { type: 'integer' },
  },
  'RateLimit-Remaining': { description: 'Requests left in the current window.', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the budget is refilled.', schema: { type: 'integer' } },
  'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
} satisfies Record<string, { description: string; schema: JsonSchema }>;

const PARAMETERS: Record<string, OpenApiParameter> = {
  StripeVersion: {
    name: 'Stripe-Version',
    in: 'header',
    description: `The API version to use; it is echoed in the response. This server implements ${API_VERSION}.`,
    schema: { type: 'string', pattern: API_VERSION_FORMAT.source },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    description:
      'Makes a POST safe to retry: the first response is stored for 24 hours and replayed for a retry with the same key and parameters.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  },
};

const errorResponse = (description: string, extraHeaders: string[] = []): OpenApiResponse => ({
  description,
  headers: Object.fromEntries(
    ['Request-Id', 'Stripe-Version', ...extraHeaders].map((h) => [h, ref('headers', h)]),
  ),
  content: { [JSON_TYPE]: { schema: { $ref: `${COMPONENT_REF}error` } } },
});

/** Statuses and the Stripe error types they carry; which an operation lists is decided in `errorStatuses`. */
const ERROR_RESPONSES: Record<string, [string, OpenApiResponse]> = {
  400: [
    'BadRequest',
    errorResponse(
      '`invalid_request_error` (e.g. `parameter_unknown`, `parameter_invalid`) or `idempotency_error`.',
    ),
  ],
  401: [
    'Unauthorized',
    errorResponse('`authentication_error`: no API key, or an unknown, revoked or expired one.'),
  ],
  403: [
    'Forbidden',
    errorResponse(
      "`permission_error`: the key lacks the operation's permission, or the account is suspended.",
    ),
  ],
  404: [
    'NotFound',
    errorResponse(
      '`invalid_request_error` with code `resource_missing`: no such object in this account and mode.',
    ),
  ],
  409: [
    'Conflict',
    errorResponse(
      '`invalid_request_error` with code `idempotency_key_in_use`: a request with this key is in progress.',
    ),
  ],
  429: [
    'TooManyRequests',
    errorResponse('`rate_limit_error`: slow down and retry after `Retry-After` seconds.', ['Retry-After']),
  ],
  500: [
    'ServerError',
    errorResponse('`api_error`: something went wrong on our end; the message names the request id.'),
  ],
};

function errorStatuses(endpoint: Endpoint): string[] {
  const statuses = ['400', '401', '403'];
  // An id in the path, or a list cursor, may name an object that does not exist.
  if (endpoint.pathParams || endpoint.list) statuses.push('404');
  if (endpoint.method === 'POST') statuses.push('409');
  return [...statuses, '429', '500'];
}

/** Objects and arrays travel as `a[b]=…` / `a[]=…` in query strings and form bodies. */
function isNested(schema: JsonSchema): boolean {
  const { schema: inner } = unwrapNullable(schema);
  const types = [inner.type, ...(inner.anyOf ?? []).map((o) => o.type)].flat();
  return types.includes('object') || types.includes('array') || inner.$ref !== undefined;
}

function permissionOf(endpoint: Endpoint): string {
  return `${endpoint.access.resource}:${endpoint.access.access}`;
}

/** The paragraph of each operation's description that names its permission. */
export function permissionSentence(permission: string): string {
  return `Restricted keys need the \`${permission}\` permission; secret keys may call every endpoint.`;
}

function operation(endpoint: Endpoint, schemas: Record<string, JsonSchema>): OpenApiOperation {
  const permission = permissionOf(endpoint);
  const params = toJsonSchema(endpoint.params, 'input', schemas);
  const example = endpoint.example;
  const parameters: (OpenApiParameter | Ref)[] = Object.entries(endpoint.pathParams ?? {}).map(
    ([name, description]) => ({
      name,
      in: 'path',
      required: true,
      description,
      schema: { type: 'string' },
      ...(example?.pathParams?.[name] ? { example: example.pathParams[name] } : {}),
    }),
  );
  let requestBody: OpenApiOperation['requestBody'];

  if (endpoint.method === 'POST') {
    const encoding = Object.fromEntries(
      Object.entries(params.properties ?? {})
        .filter(([, schema]) => isNested(schema))
        .map(([name]) => [name, { style: 'deepObject' as const, explode: true as const }]),
    );
    const sample = example?.params ? { example: example.params } : {};
    requestBody = {
      required: false,
      content: {
        [FORM_TYPE]: { schema: params, encoding, ...sample },
        [JSON_TYPE]: { schema: params, ...sample },
      },
    };
    parameters.push(ref('parameters', 'IdempotencyKey'));
  } else {
    for (const [name, schema] of Object.entries(params.properties ?? {})) {
      const { description, ...rest } = schema;
      const sample = example?.params?.[name];
      parameters.push({
        name,
        in: 'query',
        required: params.required?.includes(name) ?? false,
        ...(description ? { description } : {}),
        schema: rest,
        ...(isNested(schema) ? { style: 'deepObject' as const, explode: true } : {}),
        ...(sample !== undefined ? { example: sample } : {}),
      });
    }
  }
  parameters.push(ref('parameters', 'StripeVersion'));

  const okHeaders = [
    'Request-Id',
    'Stripe-Version',
    'RateLimit-Limit',
    'RateLimit-Remaining',
    'RateLimit-Reset',
  ];
  return {
    operationId: endpoint.name,
    summary: endpoint.summary,
    description: [endpoint.description, permissionSentence(permission)].filter(Boolean).join('\n\n'),
    tags: [endpoint.tag],
    'x-permission': permission,
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses: {
      200: {
        description: 'Successful response.',
        headers: Object.fromEntries(okHeaders.map((h) => [h, ref('headers', h)])),
        content: { [JSON_TYPE]: { schema: toJsonSchema(endpoint.response, 'output', schemas) } },
      },
      ...Object.fromEntries(
        errorStatuses(endpoint).map((s) => [s, ref('responses', ERROR_RESPONSES[s]![0])]),
      ),
    },
  };
}

export function buildOpenApiDocument(endpoints: readonly Endpoint[], serverUrl: string): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = {};
  const paths: OpenApiDocument['paths'] = {};
  for (const endpoint of endpoints) {
    const method = endpoint.method.toLowerCase() as HttpMethod;
    const item = (paths[endpoint.path] ??= {});
    if (item[method]) throw new Error(`${endpoint.method} ${endpoint.path} is in the catalogue twice.`);
    item[method] = operation(endpoint, schemas);
  }
  toJsonSchema(errorObject, 'output', schemas);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Payments API',
      version: API_VERSION,
      description:
        "A Stripe-compatible payments API. Authenticate with a secret or restricted API key as a Bearer token (or as the HTTP Basic username). POST parameters are form-encoded with Stripe's bracket notation (`metadata[order_id]=6735`) or sent as JSON.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { basicAuth: [] }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key: `Authorization: Bearer sk_test_…`.',
        },
        basicAuth: {
          type: 'http',
          scheme: 'basic',
          description: 'The API key as the username and an empty password, as with `curl -u sk_test_…:`.',
        },
      },
      parameters: PARAMETERS,
      headers: HEADERS,
      responses: Object.fromEntries(Object.values(ERROR_RESPONSES)),
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document of this server's catalogue, built once per process. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(catalogue, `${appUrl()}`);
  return cached;
}
