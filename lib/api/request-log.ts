import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { isSecretField, log, redact } from '@/lib/log';

/**
 * One row per /v1 request for Developers → Logs. Bodies pass through the log
 * redactor (secrets, card numbers, API keys) and, because the customer fields
 * we encrypt at rest must not sit in clear in a log, customer PII is masked too.
 */
const PII_FIELDS = /^(name|phone|address|shipping|line1|line2|postal_code)$/;
const MAX_STORED_BODY = 64 * 1024;

export function redactForRequestLog(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (Array.isArray(value)) return value.map((v) => redactForRequestLog(v, depth + 1));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        // Secret fields (card, cvc, number, token, password, …) are masked whole, as in
        // the server log: a CVC is three digits no pattern could recognise on its own.
        (PII_FIELDS.test(k) || isSecretField(k)) && v !== null && v !== undefined
          ? '[redacted]'
          : redactForRequestLog(v, depth + 1),
      ]),
    );
  }
  return redact(value, depth);
}

function storable(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  const redacted = redactForRequestLog(value);
  const text = JSON.stringify(redacted);
  if (text === undefined) return undefined;
  if (text.length > MAX_STORED_BODY) return { truncated: true, bytes: text.length };
  return redacted as Prisma.InputJsonValue;
}

export interface ApiRequestLogEntry {
  requestId: string;
  merchantId: string | null;
  livemode: boolean | null;
  apiKeyId: string | null;
  keyPrefix: string | null;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  idempotencyKey: string | null;
  idempotentReplayed: boolean;
  stripeVersion: string | null;
  errorType: string | null;
  errorCode: string | null;
  query: unknown;
  requestBody: unknown;
  responseBody: unknown;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
}

const IP = /^[0-9a-fA-F:.]{2,45}$/;

export async function recordApiRequest(entry: ApiRequestLogEntry): Promise<void> {
  try {
    await db().apiRequestLog.create({
      data: {
        requestId: entry.requestId,
        merchantId: entry.merchantId,
        livemode: entry.livemode,
        apiKeyId: entry.apiKeyId,
        keyPrefix: entry.keyPrefix,
        method: entry.method,
        path: entry.path.slice(0, 500),
        status: entry.status,
        durationMs: Math.max(0, Math.round(entry.durationMs)),
        idempotencyKey: entry.idempotencyKey?.slice(0, 255) ?? null,
        idempotentReplayed: entry.idempotentReplayed,
        stripeVersion: entry.stripeVersion?.slice(0, 64) ?? null,
        errorType: entry.errorType,
        errorCode: entry.errorCode,
        queryParams: storable(entry.query),
        requestBody: storable(entry.requestBody),
        responseBody: storable(entry.responseBody),
        ipAddress: entry.ipAddress && IP.test(entry.ipAddress) ? entry.ipAddress : null,
        userAgent: entry.userAgent?.slice(0, 500) ?? null,
        createdAt: entry.createdAt,
      },
    });
  } catch (err) {
    // A lost log line must never fail or slow the request it describes.
    log.warn('could not record API request', { requestId: entry.requestId, err: (err as Error).message });
  }
}
