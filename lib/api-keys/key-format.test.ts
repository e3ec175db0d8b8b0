import { describe, expect, it } from 'vitest';
import {
  generateApiKey,
  hashApiKeyWith,
  keyPrefix,
  parseApiKey,
  randomBase62,
  PREFIX_LENGTH,
} from './key-format';

describe('API key format', () => {
  it.each([
    ['secret', 'test', /^sk_test_[0-9A-Za-z]{32}$/],
    ['secret', 'live', /^sk_live_[0-9A-Za-z]{32}$/],
    ['publishable', 'test', /^pk_test_[0-9A-Za-z]{32}$/],
    ['publishable', 'live', /^pk_live_[0-9A-Za-z]{32}$/],
    ['restricted', 'test', /^rk_test_[0-9A-Za-z]{32}$/],
    ['restricted', 'live', /^rk_live_[0-9A-Za-z]{32}$/],
  ] as const)('%s %s keys look like Stripe’s', (type, env, pattern) => {
    const key = generateApiKey(type, env);
    expect(key).toMatch(pattern);
    expect(parseApiKey(key)).toEqual({ type, environment: env });
  });

  it('never repeats', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateApiKey('secret', 'test')));
    expect(keys.size).toBe(1000);
  });

  it('the prefix is the first 12 characters, enough to tell keys apart in a list', () => {
    const key = generateApiKey('secret', 'test');
    expect(keyPrefix(key)).toBe(key.slice(0, 12));
    expect(keyPrefix(key)).toHaveLength(PREFIX_LENGTH);
    expect(keyPrefix(key)).toMatch(/^sk_test_[0-9A-Za-z]{4}$/);
  });

  it('is deterministic for a deterministic byte source (the seed uses this)', () => {
    let n = 0;
    const source = (len: number) => Buffer.from(Array.from({ length: len }, () => n++ % 256));
    const a = generateApiKey('secret', 'test', source);
    n = 0;
    expect(generateApiKey('secret', 'test', source)).toBe(a);
  });

  it('drops biased bytes instead of folding them (every base62 character equally likely)', () => {
    // 248..255 are dropped; 0 → '0', 61 → 'z', 62 → '0' again.
    const bytes = [255, 248, 0, 61, 62];
    const out = randomBase62(3, () => Buffer.from(bytes));
    expect(out).toBe('0z0');
  });

  it.each([
    '',
    'sk_test_short',
    'xk_test_' + 'a'.repeat(32),
    'sk_prod_' + 'a'.repeat(32),
    'sk_test_' + '-'.repeat(32),
  ])('rejects %j as malformed', (key) => expect(parseApiKey(key)).toBeNull());

  it('hashes with HMAC-SHA256 under the secret: hex, and different per secret', () => {
    const key = generateApiKey('secret', 'test');
    const h = hashApiKeyWith('a'.repeat(32), key);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKeyWith('a'.repeat(32), key)).toBe(h);
    expect(hashApiKeyWith('b'.repeat(32), key)).not.toBe(h);
  });
});
