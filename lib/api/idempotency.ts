import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';
import { clock } from '@/lib/clock';
import { open, seal } from '@/lib/crypto/envelope';
import type { DbTx } from '@/lib/db/client';
import { ApiError, invalidRequest } from './errors';

/**
 * Stripe's idempotency semantics, kept in PostgreSQL. A POST with an
 * Idempotency-Key runs inside one database transaction that
 *   1. takes a transaction-scoped advisory lock on (merchant, mode, key) without
 *      waiting: a second request with the key while the first still runs gets
 *      409 `idempotency_key_in_use`, which the SDKs retry;
 *   2. replays a stored response (same status, same bytes) if the key was used
 *      with the same method, path and parameters in the last 24 hours, or
 *      refuses it with `idempotency_error` if they differ;
 *   3. otherwise does the work and stores the response in the same transaction.
 * The record commits with the work or not at all, and nothing depends on Redis.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

export interface IdempotencyScope {
  merchantId: string;
  livemode: boolean;
  key: string;
}

export interface StoredResponse {
  status: number;
  body: string;
  requestId: string;
}

export function checkIdempotencyKey(key: string): void {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw invalidRequest(`Invalid Idempotency-Key: it must be 1 to ${MAX_KEY_LENGTH} characters long.`, {
      code: 'idempotency_key_invalid',
    });
  }
}

/** Canonical JSON: objects with sorted keys, so `a=1&b=2` and `b=2&a=1` agree. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Keyed (HMAC-SHA256 with the install's API_KEY_HMAC_SECRET), not a plain
 * hash: the parameters may hold a test card number and CVC, which a plain
 * hash of so small a search space would give away.
 */
export function requestFingerprint(method: string, path: string, params: unknown): string {
  if (!env.API_KEY_HMAC_SECRET) throw new Error('API_KEY_HMAC_SECRET is not set');
  return createHmac('sha256', env.API_KEY_HMAC_SECRET)
    .update(`idempotency:${method} ${path}\n${canonical(params)}`)
    .digest('hex');
}

/**
 * A stored response may hold personal data (a customer's name or address), so
 * it is sealed with the envelope module for its 24 hours, bound to the
 * merchant, mode and key. Rows from before sealing (no key id) read as they are.
 */
export const responseContext = (scope: IdempotencyScope) =>
  `idempotency_keys.response:${scope.merchantId}:${scope.livemode ? 'live' : 'test'}:${scope.key}`;

function sealResponse(scope: IdempotencyScope, body: string) {
  const sealed = seal(body, responseContext(scope));
  return { responseBody: sealed.ciphertext.toString('base64'), responseKeyId: sealed.keyId };
}

function openResponse(scope: IdempotencyScope, stored: string, keyId: string | null): string {
  if (keyId === null) return stored;
  return open(Buffer.from(stored, 'base64'), keyId, responseContext(scope)).toString('utf8');
}

/** False when another transaction holds the key right now. */
async function tryLock(tx: DbTx, scope: IdempotencyScope): Promise<boolean> {
  const rows = await tx.$queryRaw<{ locked: boolean }[]>`
    SELECT pg_try_advisory_xact_lock(
      hashtextextended(${`idempotency:${scope.merchantId}:${scope.livemode ? 'live' : 'test'}:${scope.key}`}, 0)
    ) AS locked`;
  return rows[0]?.locked === true;
}

/**
 * Step 1 and 2 inside the caller's transaction: null means "first use, go on
 * and do the work"; a StoredResponse is the response to replay.
 */
export async function claimIdempotencyKey(
  tx: DbTx,
  scope: IdempotencyScope,
  fingerprint: string,
): Promise<StoredResponse | null> {
  if (!(await tryLock(tx, scope))) {
    throw new ApiError(
      409,
      'invalid_request_error',
      `There is currently another in-progress request using this Idempotency-Key (${scope.key}). Please try again later.`,
      { code: 'idempotency_key_in_use' },
    );
  }
  const existing = await tx.idempotencyKey.findUnique({
    where: {
      merchantId_livemode_idempotencyKey: {
        merchantId: scope.merchantId,
        livemode: scope.livemode,
        idempotencyKey: scope.key,
      },
    },
  });
  if (!existing || existing.expiresAt.getTime() <= clock.nowMs()) return null;
  if (existing.requestFingerprint !== fingerprint) {
    throw new ApiError(
      400,
      'idempotency_error',
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${scope.key}' if you meant to execute a different request.`,
    );
  }
  return {
    status: existing.responseStatus,
    body: openResponse(scope, existing.responseBody, existing.responseKeyId),
    requestId: existing.requestId,
  };
}

export interface RecordedRequest {
  method: string;
  path: string;
  fingerprint: string;
  requestId: string;
  apiKeyId: string;
}

/** Step 3: the response, stored in the transaction that did the work. */
export async function storeIdempotentResponse(
  tx: DbTx,
  scope: IdempotencyScope,
  request: RecordedRequest,
  response: { status: number; body: string },
): Promise<void> {
  const now = clock.now();
  const data = {
    requestMethod: request.method,
    requestPath: request.path.slice(0, 500),
    requestFingerprint: request.fingerprint,
    responseStatus: response.status,
    ...sealResponse(scope, response.body),
    requestId: request.requestId,
    apiKeyId: request.apiKeyId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
  };
  // An expired record of the same key is replaced (the sweep may not have run yet).
  await tx.idempotencyKey.upsert({
    where: {
      merchantId_livemode_idempotencyKey: {
        merchantId: scope.merchantId,
        livemode: scope.livemode,
        idempotencyKey: scope.key,
      },
    },
    create: { merchantId: scope.merchantId, livemode: scope.livemode, idempotencyKey: scope.key, ...data },
    update: data,
  });
}

/** The worker's sweep: records past their 24 hours. */
export async function deleteExpiredIdempotencyKeys(tx: DbTx, now: Date = clock.now()): Promise<number> {
  const { count } = await tx.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
