import { z } from 'zod';

/**
 * The one error contract of /v1: Stripe's error object and status codes, so the
 * official SDKs raise the right error class. Every failure inside the pipeline
 * is an ApiError by the time it leaves; anything else becomes a generic 500 that
 * names the request id and nothing of the cause.
 */
export type StripeErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'rate_limit_error'
  | 'idempotency_error'
  | 'card_error'
  | 'api_error';

export interface ApiErrorOptions {
  code?: string;
  param?: string;
  declineCode?: string;
  headers?: Record<string, string>;
  /** More fields of Stripe's error object, e.g. `payment_intent` on a declined confirm. */
  extra?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly options: ApiErrorOptions = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface StripeErrorBody {
  error: {
    type: StripeErrorType;
    message: string;
    code?: string;
    param?: string;
    decline_code?: string;
    request_log_url?: string;
    /** Ours: the request id is also in the `request-id` header, as with Stripe. */
    request_id: string;
  };
}

export function errorBody(err: ApiError, requestId: string, requestLogUrl?: string): StripeErrorBody {
  const { code, param, declineCode, extra } = err.options;
  return {
    error: {
      ...extra,
      type: err.type,
      message: err.message,
      ...(code ? { code } : {}),
      ...(param ? { param } : {}),
      ...(declineCode ? { decline_code: declineCode } : {}),
      ...(requestLogUrl ? { request_log_url: requestLogUrl } : {}),
      request_id: requestId,
    },
  };
}

/**
 * Returned (not thrown) by a handler whose work must commit although the
 * answer is an error: a declined confirm records the failed attempt on the
 * PaymentIntent and answers 402, as Stripe does.
 */
export class CommittedError {
  constructor(readonly error: ApiError) {}
}

export const invalidRequest = (message: string, options: ApiErrorOptions = {}) =>
  new ApiError(400, 'invalid_request_error', message, options);

export const parameterUnknown = (param: string) =>
  invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });

export const parameterMissing = (param: string) =>
  invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });

export const parameterInvalid = (param: string, message: string, code = 'parameter_invalid') =>
  invalidRequest(message, { code, param });

/** Another merchant's object and a missing one answer the same. */
export const resourceMissing = (label: string, id: string, param = 'id') =>
  new ApiError(404, 'invalid_request_error', `No such ${label}: '${id}'`, {
    code: 'resource_missing',
    param,
  });

export const routeMissing = (method: string, path: string) =>
  new ApiError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`, {
    code: 'route_missing',
  });

export const authenticationError = (message: string) => new ApiError(401, 'authentication_error', message);

export const permissionError = (message: string, code?: string) =>
  new ApiError(403, 'permission_error', message, code ? { code } : {});

export const rateLimited = (retryAfterSeconds: number) =>
  new ApiError(
    429,
    'rate_limit_error',
    'Too many requests hit the API too quickly. Please slow down and retry after the time in the Retry-After header.',
    { code: 'rate_limit', headers: { 'retry-after': String(retryAfterSeconds) } },
  );

export const internalError = (requestId: string) =>
  new ApiError(
    500,
    'api_error',
    `Something went wrong on our end while processing this request. Quote the request id ${requestId} when asking for help.`,
  );

/** The error object as the OpenAPI document publishes it (checked against StripeErrorBody by the compiler). */
export const errorObject: z.ZodType<StripeErrorBody> = z
  .object({
    error: z.object({
      type: z
        .enum([
          'invalid_request_error',
          'authentication_error',
          'permission_error',
          'rate_limit_error',
          'idempotency_error',
          'card_error',
          'api_error',
        ])
        .describe('The kind of error; the SDKs raise a matching error class.'),
      message: z.string().describe('A human-readable message.'),
      code: z.string().optional().describe('A short, stable code, e.g. `parameter_unknown`, `resource_missing`.'),
      param: z.string().optional().describe('The parameter the error relates to, in bracket notation.'),
      decline_code: z.string().optional().describe('For card errors: why the issuer declined.'),
      request_log_url: z.string().optional().describe('The request in the dashboard\'s request log.'),
      request_id: z.string().describe('The request id, also sent as the `request-id` header.'),
    }),
  })
  .meta({ id: 'error', description: "Every /v1 error, in Stripe's error shape." });
