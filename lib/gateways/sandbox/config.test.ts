import { afterEach, describe, expect, it } from 'vitest';
import { configureSandbox, drawFailure, resetSandboxConfig, sandboxConfig } from './config';

afterEach(() => resetSandboxConfig());

describe('sandbox configuration', () => {
  it('defaults to no latency and no failures', () => {
    expect(sandboxConfig('sandbox_alpha')).toMatchObject({ latencyMs: 0, failureRate: 0 });
    expect(Array.from({ length: 50 }, () => drawFailure('sandbox_alpha'))).not.toContain(true);
  });

  it('failure rate 1 always fails; only the configured processor', () => {
    configureSandbox('sandbox_alpha', { failureRate: 1 });
    expect(Array.from({ length: 50 }, () => drawFailure('sandbox_alpha'))).not.toContain(false);
    expect(drawFailure('sandbox_beta')).toBe(false);
  });

  it('a fractional rate draws the same sequence every time, near the rate', () => {
    const run = () => {
      configureSandbox('sandbox_beta', { failureRate: 0.3 });
      return Array.from({ length: 1000 }, () => drawFailure('sandbox_beta'));
    };
    const first = run();
    expect(run()).toEqual(first);
    const share = first.filter(Boolean).length / first.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
  });

  it('refuses impossible settings', () => {
    expect(() => configureSandbox('sandbox_alpha', { failureRate: 1.5 })).toThrow(RangeError);
    expect(() => configureSandbox('sandbox_alpha', { latencyMs: -1 })).toThrow(RangeError);
  });
});
