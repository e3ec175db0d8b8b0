import { describe, expect, it } from 'vitest';
import { redact } from './log';

describe('redact', () => {
  it('scrubs card numbers and API keys from strings, keeps UUIDs whole', () => {
    expect(redact('card 4242 4242 4242 4242 ok')).toBe('card [redacted]ok');
    expect(redact('key sk_test_abcdefghijklmnop1234')).toBe('key sk_[redacted]');
    const uuid = '12345678-1234-5678-1234-567812345678';
    expect(redact(`merchant ${uuid} paid 4000000000000002`)).toBe(`merchant ${uuid} paid [redacted]`);
  });

  it('masks secret-named fields at any depth', () => {
    expect(redact({ a: { password: 'x', cvc: '123', note: 'fine' } })).toEqual({
      a: { password: '[redacted]', cvc: '[redacted]', note: 'fine' },
    });
  });
});
