import { describe, expect, it } from 'vitest';
import { sameOriginPath, waitText } from './pay-result';

describe('sameOriginPath (the 3-D Secure step stays on our domain)', () => {
  const app = 'http://127.0.0.1:3000';
  it('keeps our paths and our absolute URLs, as paths', () => {
    expect(sameOriginPath('/authenticate/pi_1?token=abc', app)).toBe('/authenticate/pi_1?token=abc');
    expect(sameOriginPath('http://127.0.0.1:3000/authenticate/pi_1?token=abc', app)).toBe(
      '/authenticate/pi_1?token=abc',
    );
  });
  it.each([
    'https://evil.example/authenticate/pi_1',
    '//evil.example/x',
    '/\\evil.example/x',
    'javascript:alert(1)',
    'http://127.0.0.1:3001/authenticate/pi_1',
    'authenticate/pi_1',
  ])('refuses %s', (url) => expect(sameOriginPath(url, app)).toBeNull());
});

describe('waitText', () => {
  it.each([
    [0.2, 'a second'],
    [1, 'a second'],
    [42, '42 seconds'],
    [60, 'a minute'],
    [61, '2 minutes'],
    [900, '15 minutes'],
  ])('%s s → %s', (seconds, text) => expect(waitText(seconds)).toBe(text));
});
