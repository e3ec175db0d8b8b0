import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('facing clients directly, a forged X-Forwarded-For is ignored', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', 0)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, 0)).toBe('203.0.113.9');
    expect(clientAddress('2001:db8::1', undefined, 0)).toBe('2001:db8::1');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });

  it('behind N proxies, the Nth address from the right; what the client wrote is ignored', () => {
    // One proxy appended the client's address to whatever the client sent.
    expect(clientAddress('10.0.0.2', '1.2.3.4, 198.51.100.7', 1)).toBe('198.51.100.7');
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    expect(clientAddress('10.0.0.3', 'forged, 198.51.100.7, 10.0.0.2', 2)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', ['1.2.3.4', '198.51.100.7'], 1)).toBe('198.51.100.7');
  });

  it('behind a proxy that sent no header (a health check), the socket', () => {
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', 'only-one', 2)).toBe('10.0.0.2');
  });
});
