import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, otpauthUri, stepAt, totpCode, verifyTotp } from './totp';

// RFC 6238 appendix B: the SHA1 secret is ASCII "12345678901234567890"; the
// reference values are 8 digits, whose last 6 are the 6-digit codes.
const SECRET = base32Encode(Buffer.from('12345678901234567890'));
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
];

describe('totp', () => {
  it.each(VECTORS)('matches RFC 6238 at t=%i', (seconds, expected) => {
    expect(totpCode(SECRET, stepAt(seconds * 1000))).toBe(expected.slice(-6));
  });

  it('base32 round-trips', () => {
    const bytes = Buffer.from('any bytes at all \u0000\u00ff', 'latin1');
    expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
  });

  it('accepts one step of drift either way, and never the same step twice', () => {
    const now = 1_700_000_000_000;
    const step = stepAt(now);
    expect(verifyTotp(SECRET, totpCode(SECRET, step - 1), now)).toBe(step - 1);
    expect(verifyTotp(SECRET, totpCode(SECRET, step + 1), now)).toBe(step + 1);
    expect(verifyTotp(SECRET, totpCode(SECRET, step - 2), now)).toBeNull();
    expect(verifyTotp(SECRET, totpCode(SECRET, step), now, step)).toBeNull();
    expect(verifyTotp(SECRET, 'abcdef', now)).toBeNull();
  });

  it('builds an otpauth URI authenticator apps read', () => {
    const uri = otpauthUri('Self-hosted Payments', 'a@b.example', 'JBSWY3DPEHPK3PXP');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Self-hosted%20Payments%3Aa%40b\.example\?secret=JBSWY3DPEHPK3PXP&/);
  });
});
