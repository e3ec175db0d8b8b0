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

// Socket and PostgreSQL error codes worth telling an operator apart; anything
// else is "check failed" and the details go to the server log only.
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
};

/** A short reason that is safe to show to anyone who can reach the endpoint. */
export function publicReason(err: unknown): string {
  if (err instanceof CheckTimeoutError) return err.message;
  // Drivers wrap the socket error (Prisma's adapter, ioredis, AggregateError for
  // dual-stack connects), so walk a few levels of causes looking for a known code.
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length > 0 && seen.size < 10) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, cause, errors, originalCode } = current as Record<string, unknown>;
    for (const candidate of [code, originalCode]) {
      const reason = typeof candidate === 'string' && Object.hasOwn(REASONS, candidate) ? REASONS[candidate] : undefined;
      if (reason) return reason;
    }
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...(errors as unknown[]));
  }
  return 'check failed';
}
