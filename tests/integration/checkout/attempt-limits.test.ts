import Redis from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { blockedFor, recordFailure, resetLocalAttemptLimitsForTests } from '@/lib/checkout/attempt-limits';
import { advanceClockForTests, resetClockForTests } from '@/lib/clock';

/** The card-testing counters on real Redis, and their per-process fallback when Redis is away. */
const policy = { windowSeconds: 60, perSession: 3, perIp: 5 };
const dead = new Redis('redis://127.0.0.1:1', {
  lazyConnect: true,
  maxRetriesPerRequest: 0,
  enableOfflineQueue: false,
  retryStrategy: () => null,
});
dead.on('error', () => undefined);

afterEach(() => {
  resetClockForTests();
  resetLocalAttemptLimitsForTests();
});
afterAll(() => dead.disconnect());

describe('attempt limits', () => {
  it('blocks a session after its limit, only that session, and lifts with time', async () => {
    const a = { sessionId: 'cs_test_limits_a', clientIp: null };
    const b = { sessionId: 'cs_test_limits_b', clientIp: null };
    for (let i = 0; i < 3; i++) {
      expect(await blockedFor(a, policy)).toBe(0);
      await recordFailure(a, policy);
    }
    const wait = await blockedFor(a, policy);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(121);
    expect(await blockedFor(b, policy)).toBe(0);
    advanceClockForTests(wait * 1000);
    expect(await blockedFor(a, policy)).toBe(0);
  });

  it('counts an IP across sessions', async () => {
    const ip = '203.0.113.200';
    for (let i = 0; i < 5; i++) await recordFailure({ sessionId: `cs_test_ip_${i}`, clientIp: ip }, policy);
    expect(await blockedFor({ sessionId: 'cs_test_ip_new', clientIp: ip }, policy)).toBeGreaterThan(0);
    expect(await blockedFor({ sessionId: 'cs_test_ip_new', clientIp: '203.0.113.201' }, policy)).toBe(0);
  });

  it('falls back to per-process counting when Redis cannot answer: still limited, never an error', async () => {
    const s = { sessionId: 'cs_test_dead', clientIp: '203.0.113.9' };
    for (let i = 0; i < 3; i++) {
      expect(await blockedFor(s, policy, dead)).toBe(0);
      await recordFailure(s, policy, dead);
    }
    expect(await blockedFor(s, policy, dead)).toBeGreaterThan(0);
  });
});
