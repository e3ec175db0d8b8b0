import { describe, expect, it, vi } from 'vitest';
import { CheckTimeoutError, publicReason, runCheck } from './run-check';

describe('runCheck', () => {
  it('reports up with a latency when the probe resolves', async () => {
    const result = await runCheck(() => Promise.resolve('PONG'));
    expect(result.status).toBe('up');
    expect(result.latency_ms).toBeGreaterThanOrEqual(0);
    expect(result.error).toBeUndefined();
  });

  it('reports down at the deadline when the probe hangs, and aborts its signal', async () => {
    let signal: AbortSignal | undefined;
    const started = Date.now();
    const result = await runCheck(
      (s) => {
        signal = s;
        return new Promise(() => undefined);
      },
      { timeoutMs: 50 },
    );
    expect(result).toMatchObject({ status: 'down', error: 'timed out after 50 ms' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(signal?.aborted).toBe(true);
  });

  it('treats a synchronous throw from the probe as down', async () => {
    const result = await runCheck(() => {
      throw new Error('DATABASE_URL is not set');
    });
    expect(result).toMatchObject({ status: 'down', error: 'check failed' });
  });

  it('hands the full error to onFailure but never puts its message in the result', async () => {
    const onFailure = vi.fn();
    const secret = new Error('connect failed for postgres://app:hunter2@db.internal:5432/payments');
    const result = await runCheck(() => Promise.reject(secret), { onFailure });
    expect(onFailure).toHaveBeenCalledWith(secret);
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(JSON.stringify(result)).not.toContain('db.internal');
    expect(result.error).toBe('check failed');
  });
});

describe('publicReason', () => {
  it('names a refused connection found deep in the cause chain', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    const wrapped = new Error('driver error', { cause: new AggregateError([socket], 'all attempts failed') });
    expect(publicReason(wrapped)).toBe('connection refused');
  });

  it('names PostgreSQL authentication failures by SQLSTATE', () => {
    expect(publicReason({ code: '28P01', message: 'password authentication failed for user "app"' })).toBe(
      'authentication failed',
    );
  });

  it("reads the reason Prisma's driver adapter keeps in meta.driverAdapterError", () => {
    const prismaError = Object.assign(new Error('Raw query failed'), {
      name: 'PrismaClientKnownRequestError',
      code: 'P2010',
      meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } } },
    });
    expect(publicReason(prismaError)).toBe('unreachable');
    const denied = {
      code: 'P2010',
      meta: { driverAdapterError: { cause: { originalCode: '28000', kind: 'DatabaseAccessDenied' } } },
    };
    expect(publicReason(denied)).toBe('authentication failed');
  });

  it('recognises the ioredis and Elasticsearch client error classes by name', () => {
    const redisError = Object.assign(new Error('Reached the max retries per request limit'), {
      name: 'MaxRetriesPerRequestError',
    });
    expect(publicReason(redisError)).toBe('unreachable');
    expect(publicReason(Object.assign(new Error('connect ECONNREFUSED'), { name: 'ConnectionError' }))).toBe(
      'unreachable',
    );
  });

  it('reports timeouts with their deadline', () => {
    expect(publicReason(new CheckTimeoutError(2000))).toBe('timed out after 2000 ms');
  });

  it('falls back to a generic reason for unknown errors and odd values', () => {
    expect(publicReason(new Error('something internal'))).toBe('check failed');
    expect(publicReason({ code: 'toString' })).toBe('check failed');
    expect(publicReason(null)).toBe('check failed');
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(publicReason(loop)).toBe('check failed');
  });
});
