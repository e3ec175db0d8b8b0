import { describe, expect, it } from 'vitest';
import { admit, CIRCUIT_POLICY, record, summarize, type HealthHash } from './circuit';

const T0 = 1_800_000_000_000;

function fail(h: HealthHash, times: number, at = T0) {
  for (let i = 0; i < times; i++) record(h, at, false, 10);
}

describe('circuit breaker rules', () => {
  it('stays closed below the minimum number of calls, whatever the failure share', () => {
    const h: HealthHash = {};
    fail(h, CIRCUIT_POLICY.minCalls - 1);
    expect(admit(h, T0)).toMatchObject({ allowed: true, state: 'closed' });
  });

  it('opens at the minimum calls with half of them failed, and refuses during the cooldown', () => {
    const h: HealthHash = {};
    for (let i = 0; i < 3; i++) record(h, T0, true, 10);
    fail(h, 2);
    expect(h.state ?? 'closed').toBe('closed');
    fail(h, 1);
    expect(h.state).toBe('open');
    expect(admit(h, T0 + CIRCUIT_POLICY.cooldownMs - 1)).toMatchObject({
      allowed: false,
      state: 'open',
      lastFailureAt: T0,
    });
  });

  it('declines count as the gateway working: a run of them never opens it', () => {
    const h: HealthHash = {};
    for (let i = 0; i < 20; i++) record(h, T0, true, 10);
    expect(summarize('g', h, T0, 'process')).toMatchObject({
      circuit: 'closed',
      calls: 20,
      failures: 0,
      successRate: 1,
    });
  });

  it('after the cooldown lets exactly one probe through; success closes with a fresh window', () => {
    const h: HealthHash = {};
    fail(h, 5);
    const later = T0 + CIRCUIT_POLICY.cooldownMs;
    expect(admit(h, later)).toMatchObject({ allowed: true, state: 'half_open' });
    expect(admit(h, later + 1)).toMatchObject({ allowed: false, state: 'half_open' });
    expect(record(h, later + 2, true, 30)).toBe('closed');
    expect(summarize('g', h, later + 2, 'process')).toMatchObject({
      circuit: 'closed',
      calls: 1,
      failures: 0,
    });
  });

  it('a failed probe opens it again for another cooldown', () => {
    const h: HealthHash = {};
    fail(h, 5);
    const later = T0 + CIRCUIT_POLICY.cooldownMs;
    admit(h, later);
    expect(record(h, later + 5, false, 10)).toBe('open');
    expect(admit(h, later + 10).allowed).toBe(false);
    expect(admit(h, later + 5 + CIRCUIT_POLICY.cooldownMs).allowed).toBe(true);
  });

  it('a lost probe is replaced after the probe timeout', () => {
    const h: HealthHash = {};
    fail(h, 5);
    const later = T0 + CIRCUIT_POLICY.cooldownMs;
    admit(h, later);
    expect(admit(h, later + CIRCUIT_POLICY.probeTimeoutMs).allowed).toBe(true);
  });

  it('forgets calls older than the window', () => {
    const h: HealthHash = {};
    fail(h, 3);
    const later = T0 + CIRCUIT_POLICY.windowMs + CIRCUIT_POLICY.bucketMs;
    record(h, later, true, 50);
    expect(summarize('g', h, later, 'process')).toMatchObject({
      calls: 1,
      failures: 0,
      avgLatencyMs: 50,
      successRate: 1,
    });
  });
});
