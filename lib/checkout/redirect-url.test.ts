import { describe, expect, it } from 'vitest';
import { fillSessionId, imageUrlProblem, redirectUrlProblem } from './redirect-url';

describe('redirectUrlProblem', () => {
  it.each([
    ['https://shop.example/thanks', false],
    ['https://shop.example/thanks?id={CHECKOUT_SESSION_ID}', false],
    ['https://shop.example/thanks', true],
    ['http://localhost:3000/ok', false],
    ['http://127.0.0.1/ok', false],
    ['http://[::1]:8080/ok', false],
  ])('%s is accepted (live: %s)', (url, live) => {
    expect(redirectUrlProblem(url, live)).toBeNull();
  });

  it.each([
    ['http://localhost:3000/ok', true, 'must use https in live mode'],
    ['http://shop.example/ok', false, 'must use https (http only for localhost in test mode)'],
    ['http://localhost.evil.example/ok', false, 'must use https (http only for localhost in test mode)'],
    ['javascript:alert(1)', false, 'must be an http(s) URL'],
    ['data:text/html,hi', false, 'must be an http(s) URL'],
    ['ftp://shop.example/x', false, 'must be an http(s) URL'],
    ['https://user:pw@shop.example/', false, 'may not contain a user name or password'],
    ['/relative', false, 'is not a valid URL'],
    ['not a url', false, 'is not a valid URL'],
    [`https://shop.example/${'a'.repeat(2100)}`, false, 'must be at most 2048 characters'],
  ])('%s is refused (live: %s): %s', (url, live, problem) => {
    expect(redirectUrlProblem(url, live)).toBe(problem);
  });
});

describe('imageUrlProblem', () => {
  it('accepts https only', () => {
    expect(imageUrlProblem('https://cdn.example/a.png')).toBeNull();
    expect(imageUrlProblem('http://localhost/a.png')).toBe('must use https');
    expect(imageUrlProblem('data:image/png;base64,AAAA')).toBe('must use https');
    expect(imageUrlProblem('javascript:alert(1)')).toBe('must use https');
  });
});

describe('fillSessionId', () => {
  it('replaces every {CHECKOUT_SESSION_ID}', () => {
    expect(
      fillSessionId('https://s.example/?a={CHECKOUT_SESSION_ID}&b={CHECKOUT_SESSION_ID}', 'cs_test_1'),
    ).toBe('https://s.example/?a=cs_test_1&b=cs_test_1');
  });
});
