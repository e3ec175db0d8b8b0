import type { CheckResult } from './summarize-health';

/** A dead dependency must never hang the health endpoint: each probe gets this long. */
export const CHECK_TIMEOUT_MS = 2000;

export class CheckTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
    this.name = 'CheckTimeoutError';
  }
}

export interface RunCheckOptions {
  timeoutMs?: number;
  /** Gets the full error for the server log; the response only ever carries `publicReason`. */
  onFailure?: (err: unknown) => void;
}

/**
 * Runs one probe against a deadline and measures its round trip. The probe gets an
 * AbortSignal that fires at the deadline, so clients that support it (fetch-based
 * ones like Elasticsearch's) stop the request instead of leaving it running.
 */
export async function runCheck(
  probe: (signal: AbortSignal) => PromiseLike<unknown>,
  { timeoutMs = CHECK_TIMEOUT_MS, onFailure }: RunCheckOptions = {},
): Promise<CheckResult> {
  const controller = new AbortController();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new CheckTimeoutError(timeoutMs));
    }, timeoutMs);
  });
  try {
    // Promise.race subscribes to the probe, so a probe that fails after the
    // deadline has already answered is still handled (no unhandled rejection).
    await Promise.race([probe(controller.signal), deadline]);
    return { status: 'up', latency_ms: elapsed() };
  } catch (err) {
    onFailure?.(err);
    return { status: 'down', latency_ms: elapsed(), error: publicReason(err) };
  } finally {
    clearTimeout(timer);
  }
}

// Error markers worth telling an operator apart, as the drivers actually throw
// them: socket codes, PostgreSQL SQLSTATEs, Prisma driver-adapter kinds, and the
// error class names of ioredis and the Elasticsearch client. Anything else is
// "check failed"; the details go to the server log only.
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  '28P01': 'authentication failed',
  '28000': 'authentication failed',
  '3D000': 'database does not exist',
  '57P03': 'database is starting up',
  '53300': 'too many connections',
  DatabaseNotReachable: 'unreachable',
  DatabaseAccessDenied: 'authentication failed',
  AuthenticationFailed: 'authentication failed',
  DatabaseDoesNotExist: 'database does not exist',
  TooManyConnections: 'too many connections',
  TlsConnectionError: 'TLS handshake failed',
  SocketTimeout: 'connection timed out',
  ConnectionClosed: 'connection closed',
  MaxRetriesPerRequestError: 'unreachable',
  ConnectionError: 'unreachable',
  TimeoutError: 'request timed out',
  ResponseError: 'error response',
};

// Where drivers keep the error they wrap: Error.cause, AggregateError.errors (dual-stack
// connects), Prisma's meta.driverAdapterError.cause.
const NESTED = ['cause', 'errors', 'meta', 'driverAdapterError'] as const;
const MARKERS = ['code', 'originalCode', 'kind', 'name'] as const;

/** A short reason that is safe to show to anyone who can reach the endpoint. */
export function publicReason(err: unknown): string {
  if (err instanceof CheckTimeoutError) return err.message;
  // Breadth-first, so the outermost recognisable marker wins; bounded against cycles.
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const fields = current as Record<string, unknown>;
    for (const marker of MARKERS) {
      const value = fields[marker];
      const reason = typeof value === 'string' && Object.hasOwn(REASONS, value) ? REASONS[value] : undefined;
      if (reason) return reason;
    }
    for (const key of NESTED) {
      const nested = fields[key];
      if (Array.isArray(nested)) queue.push(...(nested as unknown[]));
      else queue.push(nested);
    }
  }
  return 'check failed';
}
