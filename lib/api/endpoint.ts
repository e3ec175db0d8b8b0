import type { z } from 'zod';
import type { Access } from './authenticate-request';

/**
 * What a /v1 endpoint declares: the pipeline (route.ts) runs from it and the
 * OpenAPI document (openapi.ts) is generated from it, so the two cannot drift.
 */
export interface Endpoint<P extends z.ZodType = z.ZodType> {
  /** `customers.create`: the rate-limit bucket and the OpenAPI operationId. */
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** OpenAPI style: `/v1/customers/{customer}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  /** The request parameters (query string for GET/DELETE, body for POST); a strict object. */
  params: P;
  /** Path parameters, by name, with a description each. */
  pathParams?: Record<string, string>;
  response: z.ZodType;
  /** A list endpoint: `expand[]` paths take the `data.` prefix. */
  list?: boolean;
  expandable?: readonly string[];
  /**
   * Sample values, published in the OpenAPI document and used by the API
   * reference's curl and stripe-node examples; a unit test parses them with `params`.
   */
  example?: { pathParams?: Record<string, string>; params?: Record<string, unknown> };
}
