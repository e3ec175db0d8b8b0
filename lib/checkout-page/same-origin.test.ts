import { describe, expect, it } from 'vitest';
import { crossSiteProblem } from './same-origin';

const APP = 'http://localhost:3000';
const headers = (h: Record<string, string>) => new Headers(h);
const ok = {
  'content-type': 'application/json',
  origin: 'http://127.0.0.1:3100',
  host: '127.0.0.1:3100',
  'sec-fetch-site': 'same-origin',
};

describe('crossSiteProblem', () => {
  it('accepts our own page: JSON, Origin of this host, same-origin fetch', () => {
    expect(crossSiteProblem(headers(ok), APP)).toBeNull();
    expect(
      crossSiteProblem(headers({ ...ok, 'content-type': 'application/json; charset=utf-8' }), APP),
    ).toBeNull();
  });

  it('accepts the Origin of APP_URL behind a proxy', () => {
    expect(
      crossSiteProblem(
        headers({ ...ok, origin: 'https://pay.example.com', host: 'internal:3000' }),
        'https://pay.example.com',
      ),
    ).toBeNull();
    expect(
      crossSiteProblem(
        headers({
          ...ok,
          origin: 'https://pay.example.com',
          host: 'pay.example.com',
          'x-forwarded-proto': 'https',
        }),
        APP,
      ),
    ).toBeNull();
  });

  it('refuses what a cross-site form or script could send', () => {
    // A plain HTML form posts urlencoded or text/plain.
    expect(crossSiteProblem(headers({ ...ok, 'content-type': 'text/plain' }), APP)).toBe('content-type');
    expect(
      crossSiteProblem(headers({ ...ok, 'content-type': 'application/x-www-form-urlencoded' }), APP),
    ).toBe('content-type');
    expect(crossSiteProblem(headers({ ...ok, 'sec-fetch-site': 'cross-site' }), APP)).toBe('sec-fetch-site');
    expect(crossSiteProblem(headers({ ...ok, 'sec-fetch-site': 'same-site' }), APP)).toBe('sec-fetch-site');
    expect(crossSiteProblem(headers({ ...ok, origin: 'https://evil.example' }), APP)).toBe('origin');
    expect(crossSiteProblem(headers({ ...ok, origin: 'null' }), APP)).toBe('origin');
    const { origin: _origin, ...noOrigin } = ok;
    expect(crossSiteProblem(headers(noOrigin), APP)).toBe('origin');
  });
});
