import { describe, expect, it } from 'vitest';
import { looksLikeDevDatabase, parseSeedArgs, refusalReason, UsageError } from './cli-args';

describe('parseSeedArgs', () => {
  it('applies the defaults', () => {
    expect(parseSeedArgs([])).toEqual({
      merchants: 3,
      transactions: 2_000,
      seed: 42,
      days: 90,
      ifEmpty: false,
      force: false,
      help: false,
    });
  });

  it('reads every flag, with underscores allowed in numbers', () => {
    expect(
      parseSeedArgs([
        '--merchants',
        '50',
        '--transactions',
        '1_000_000',
        '--seed',
        '7',
        '--days',
        '30',
        '--if-empty',
      ]),
    ).toMatchObject({ merchants: 50, transactions: 1_000_000, seed: 7, days: 30, ifEmpty: true });
  });

  it('rejects unknown flags and bad numbers', () => {
    expect(() => parseSeedArgs(['--merchant', '3'])).toThrow(UsageError);
    expect(() => parseSeedArgs(['--transactions', '-5'])).toThrow(UsageError);
    expect(() => parseSeedArgs(['--transactions', '1e6'])).toThrow(UsageError);
    expect(() => parseSeedArgs(['--merchants', '0'])).toThrow(UsageError);
    expect(() => parseSeedArgs(['--days', '0'])).toThrow(UsageError);
  });
});

describe('refusalReason', () => {
  const url = (name: string) => `postgres://postgres@127.0.0.1:5432/${name}`;

  it('allows anything outside production', () => {
    expect(refusalReason({ nodeEnv: 'development', databaseUrl: url('payments'), force: false })).toBeNull();
  });

  it('refuses a production-looking database in production unless forced', () => {
    expect(refusalReason({ nodeEnv: 'production', databaseUrl: url('payments'), force: false })).toMatch(
      /Refusing to seed database "payments"/,
    );
    expect(refusalReason({ nodeEnv: 'production', databaseUrl: url('payments'), force: true })).toBeNull();
  });

  it('allows development-looking names in production', () => {
    expect(
      refusalReason({ nodeEnv: 'production', databaseUrl: url('paystack_demo'), force: false }),
    ).toBeNull();
  });

  it('recognises development names by whole word', () => {
    for (const name of [
      'paystack_dev',
      'pay_test_abc_123',
      'local',
      'demo-db',
      'app_development',
      'seed_scratch',
    ]) {
      expect(looksLikeDevDatabase(name), name).toBe(true);
    }
    for (const name of ['payments', 'paystack', 'production', 'device_registry', 'latest']) {
      expect(looksLikeDevDatabase(name), name).toBe(false);
    }
  });
});
