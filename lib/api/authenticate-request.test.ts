import { describe, expect, it } from 'vitest';
import { maskKey, presentedKey } from './authenticate-request';

describe('presentedKey', () => {
  it('reads Bearer and Basic (key as user name, as `curl -u sk_test_…:` sends)', () => {
    expect(presentedKey('Bearer sk_test_abc')).toBe('sk_test_abc');
    expect(presentedKey('bearer   sk_test_abc')).toBe('sk_test_abc');
    expect(presentedKey(`Basic ${Buffer.from('sk_test_abc:').toString('base64')}`)).toBe('sk_test_abc');
  });

  it('anything else is no key', () => {
    for (const h of [
      null,
      '',
      'Bearer',
      'Token sk_test_abc',
      `Basic ${Buffer.from(':pw').toString('base64')}`,
    ]) {
      expect(presentedKey(h)).toBeNull();
    }
  });
});

it('maskKey shows the kind, the mode and the last four characters only', () => {
  expect(maskKey('sk_test_0123456789abcdefghijklmnopqrstuv')).toBe(`sk_test_${'*'.repeat(24)}stuv`);
  expect(maskKey('nonsense')).toBe('****ense');
  expect(maskKey('abc')).toBe('***');
});
