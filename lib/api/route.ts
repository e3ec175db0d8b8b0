import { after } from 'next/server';
import type { z } from 'zod';
import { clock } from '@/lib/clock';
import { db, type DbTx } from '@/lib/db/client';
import { appUrl } from '@/lib/env';
import { log } from '@/lib/log';
import { authenticateRequest, authorize, type ApiCaller } from './authenticate-request';
import type { Endpoint } from './endpoint';
import { ApiError, CommittedError, errorBody, internalError, invalidRequest, rateLimited, routeMissing } from './errors';
import { checkExpandable } from './expand';
import {
  checkIdempotencyKey,
  claimIdempotencyKey,
  requestFingerprint,
  storeIdempotentResponse,
} from './idempotency';
import { validateParams } from './params';
import { checkRateLimit, type RateLimitResult } from './rate-limit';
import { rateLimitWindows } from './rate-limit-policy';
import { readParams } from './read-params';
import { recordApiRequest } from './request-log';
import { newRequestId } from './request-id';
import { API_VERSION, API_VERSION_FORMAT } from './version';

export { API_VERSION };

/**
 * The /v1 request pipeline, one composition every endpoint declares:
 *
 *   export const POST = apiRoute(endpoints.createCustomer, handler)
 *
 * request id → key auth (merchant and mode) → Stripe-Account refused →
 * permission → rate limit → parameters (form or JSON, strict schema) →
 * idempotency and the handler in one database transaction → Stripe's error
 * shape → request log (after the response is sent).
 */
const TRANSACTION = { maxWait: 5_000, timeout: 30_000 } as const;

export interface HandlerContext<P> {
  params: P;
  pathParams: Record<string, string>;
  caller: ApiCaller;
  /** The request's database transaction (GET handlers get the plain client). */
  tx: DbTx;
  requestId: string;
  /** The request's Idempotency-Key, if any (Stripe's event.request carries it). */
  idempotencyKey: string | null;
  url: URL;
}

export type Handler<P> = (ctx: HandlerContext<P>) => Promise<unknown>;
type RouteContext = { params: Promise<Record<string, string | string[]>> };

interface Outcome {
  status: number;
  body: string;
  replayedFrom?: string;
}

function asApiError(err: unknown, requestId: string): ApiError {
  if (err instanceof ApiError) return err;
  log.error('unhandled error in /v1 handler', { requestId, err });
  return internalError(requestId);
}

function rateLimitHeaders(rl: RateLimitResult): Record<string, string> {
  return {
    'ratelimit-limit': String(rl.limit),
    'ratelimit-remaining': String(rl.remaining),
    'ratelimit-reset': String(rl.reset),
  };
}

function stripeVersion(request: Request): string {
  const asked = request.headers.get('stripe-version');
  if (asked === null) return API_VERSION;
  if (!API_VERSION_FORMAT.test(asked)) {
    throw invalidRequest(`Invalid Stripe API version: ${asked.slice(0, 40)}`, { code: 'api_version_invalid' });
  }
  return asked;
}

function later(task: () => Promise<void>): void {
  try {
    after(task);
  } catch {
    // Outside a Next.js request (integration tests call handlers directly).
    void task();
  }
}

/** A handler's result as status and body: an object is a 200, a CommittedError its error. */
function reply(result: unknown, requestId: string): Outcome {
  if (result instanceof CommittedError) {
    return { status: result.error.status, body: JSON.stringify(errorBody(result.error, requestId, requestLogUrl(requestId))) };
  }
  return { status: 200, body: JSON.stringify(result) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function apiRoute<P extends z.ZodType>(endpoint: Endpoint<P>, handler: Handler<z.infer<P>>) {
  return async (request: Request, routeContext?: RouteContext): Promise<Response> => {
    const started = performance.now();
    const createdAt = clock.now();
    const requestId = newRequestId();
    const url = new URL(request.url);
    const idempotencyKey = request.method === 'POST' ? request.headers.get('idempotency-key') : null;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'request-id': requestId };
    let caller: ApiCaller | null = null;
    let raw: unknown;
    let outcome: Outcome;

    try {
      headers['stripe-version'] = stripeVersion(request);
      caller = await authenticateRequest(request);
      if (request.headers.get('stripe-account')) {
        throw invalidRequest(
          'The Stripe-Account header is not supported: this platform has no connected accounts. Use the API key of the account you mean.',
          { code: 'stripe_account_unsupported' },
        );
      }
      authorize(caller, endpoint.access);
      const rl = await checkRateLimit(caller.keyId, endpoint.name, rateLimitWindows(caller.livemode));
      Object.assign(headers, rateLimitHeaders(rl));
      if (!rl.allowed) throw rateLimited(rl.retryAfter);

      raw = await readParams(request);
      const params: z.infer<P> = validateParams(endpoint.params, raw);
      checkExpandable(
        (params as { expand?: string[] }).expand,
        endpoint.expandable ?? [],
        endpoint.list ?? false,
      );
      const pathParams = Object.fromEntries(
        Object.entries((await routeContext?.params) ?? {}).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.join('/') : v,
        ]),
      );
      const ctx = { params, pathParams, caller, requestId, idempotencyKey, url };

      if (request.method === 'GET') {
        outcome = reply(await handler({ ...ctx, tx: db() }), requestId);
      } else if (!idempotencyKey) {
        outcome = await db().$transaction(
          async (tx) => reply(await handler({ ...ctx, tx }), requestId),
          TRANSACTION,
        );
      } else {
        checkIdempotencyKey(idempotencyKey);
        headers['idempotency-key'] = idempotencyKey;
        const scope = { merchantId: caller.merchantId, livemode: caller.livemode, key: idempotencyKey };
        const fingerprint = requestFingerprint(request.method, url.pathname, raw);
        const logUrl = requestLogUrl(requestId);
        const apiKeyId = caller.keyId;
        outcome = await db().$transaction(async (tx): Promise<Outcome> => {
          const stored = await claimIdempotencyKey(tx, scope, fingerprint);
          if (stored) return { status: stored.status, body: stored.body, replayedFrom: stored.requestId };
          // Once the handler has started, its result is the key's result, errors
          // included (Stripe's semantics); a savepoint undoes the failed work but
          // keeps the transaction alive to store that result.
          await tx.$executeRawUnsafe('SAVEPOINT api_handler');
          let result: Outcome;
          try {
            result = reply(await handler({ ...ctx, tx }), requestId);
          } catch (err) {
            await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT api_handler');
            const apiErr = asApiError(err, requestId);
            result = { status: apiErr.status, body: JSON.stringify(errorBody(apiErr, requestId, logUrl)) };
          }
          await storeIdempotentResponse(
            tx,
            scope,
            { method: request.method, path: url.pathname, fingerprint, requestId, apiKeyId },
            result,
          );
          return result;
        }, TRANSACTION);
      }
    } catch (err) {
      const apiErr = asApiError(err, requestId);
      Object.assign(headers, apiErr.options.headers ?? {});
      outcome = {
        status: apiErr.status,
        body: JSON.stringify(errorBody(apiErr, requestId, caller ? requestLogUrl(requestId) : undefined)),
      };
    }

    if (outcome.replayedFrom) {
      headers['idempotent-replayed'] = 'true';
      headers['original-request'] = outcome.replayedFrom;
    }
    headers['stripe-version'] ??= API_VERSION;

    const finished = outcome;
    const who = caller;
    const durationMs = performance.now() - started;
    later(async () => {
      const responseBody = parseJson(finished.body) as
        { error?: { type?: string; code?: string } } | undefined;
      await recordApiRequest({
        requestId,
        merchantId: who?.merchantId ?? null,
        livemode: who?.livemode ?? null,
        apiKeyId: who?.keyId ?? null,
        keyPrefix: who?.keyPrefix ?? null,
        method: request.method,
        path: url.pathname,
        status: finished.status,
        durationMs,
        idempotencyKey,
        idempotentReplayed: Boolean(finished.replayedFrom),
        stripeVersion: headers['stripe-version'] ?? null,
        errorType: responseBody?.error?.type ?? null,
        errorCode: responseBody?.error?.code ?? null,
        query: url.search ? Object.fromEntries(url.searchParams) : undefined,
        requestBody: request.method === 'POST' ? raw : undefined,
        responseBody,
        ipAddress: request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null,
        userAgent: request.headers.get('user-agent'),
        createdAt,
      });
    });

    return new Response(outcome.body, { status: outcome.status, headers });
  };
}

export function requestLogUrl(requestId: string): string {
  return `${appUrl()}/dashboard/developers/logs/${requestId}`;
}

/** The answer for /v1 paths and methods that do not exist. */
export function unknownRoute(request: Request): Response {
  const requestId = newRequestId();
  const err = routeMissing(request.method, new URL(request.url).pathname);
  return new Response(JSON.stringify(errorBody(err, requestId)), {
    status: err.status,
    headers: { 'content-type': 'application/json', 'request-id': requestId, 'stripe-version': API_VERSION },
  });
}
