import type { Mode } from '@/lib/auth/sessions';
import { db, type DbTx } from '@/lib/db/client';
import { findRequestLog } from './repository';

export interface RequestLogDetail {
  requestId: string;
  mode: Mode;
  /** False when the request was made in the other mode than the dashboard's. */
  inCurrentMode: boolean;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  keyPrefix: string | null;
  idempotencyKey: string | null;
  idempotentReplayed: boolean;
  stripeVersion: string | null;
  errorType: string | null;
  errorCode: string | null;
  /** The error's message from the response body, for failed requests. */
  errorMessage: string | null;
  queryParams: unknown;
  requestBody: unknown;
  responseBody: unknown;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
}

function errorMessage(body: unknown): string | null {
  if (!body || typeof body !== 'object' || !('error' in body)) return null;
  const { error } = body;
  if (!error || typeof error !== 'object' || !('message' in error)) return null;
  return typeof error.message === 'string' ? error.message : null;
}

/**
 * One request of this merchant, whichever mode it was made in (see
 * findRequestLog); `mode` is the dashboard's, to say when they differ. Another
 * merchant's request, or an unknown id, is null: "not found", never "forbidden".
 */
export async function getRequestLog(
  merchantId: string,
  mode: Mode,
  requestId: string,
  tx: DbTx = db(),
): Promise<RequestLogDetail | null> {
  const row = await findRequestLog(tx, merchantId, requestId);
  if (!row || row.livemode === null) return null;
  const rowMode: Mode = row.livemode ? 'live' : 'test';
  return {
    requestId: row.requestId,
    mode: rowMode,
    inCurrentMode: rowMode === mode,
    method: row.method,
    path: row.path,
    status: row.status,
    durationMs: row.durationMs,
    keyPrefix: row.keyPrefix,
    idempotencyKey: row.idempotencyKey,
    idempotentReplayed: row.idempotentReplayed,
    stripeVersion: row.stripeVersion,
    errorType: row.errorType,
    errorCode: row.errorCode,
    errorMessage: errorMessage(row.responseBody),
    queryParams: row.queryParams,
    requestBody: row.requestBody,
    responseBody: row.responseBody,
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
    createdAt: row.createdAt,
  };
}
