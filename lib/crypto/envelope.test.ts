import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, parseKeyring, rewrap, seal } from './envelope';

const k = () => randomBytes(32).toString('base64');
const ring1 = parseKeyring(`k1:${k()}`);
const ring2 = parseKeyring(`k1:${ring1.keys.get('k1')!.toString('base64')},k2:${k()}`);

describe('envelope encryption', () => {
  it('round-trips and names the master key', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', 'users.totp:1', ring1);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext.includes(Buffer.from('JBSWY3DPEHPK3PXP'))).toBe(false);
    expect(open(sealed.ciphertext, 'k1', 'users.totp:1', ring1).toString()).toBe('JBSWY3DPEHPK3PXP');
  });

  it('uses a fresh data key and iv per record', () => {
    const a = seal('same', 'c', ring1);
    const b = seal('same', 'c', ring1);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
  });

  it('refuses a ciphertext moved to another context or tampered with', () => {
    const sealed = seal('secret', 'users.totp:1', ring1);
    expect(() => open(sealed.ciphertext, 'k1', 'users.totp:2', ring1)).toThrow();
    const tampered = Buffer.from(sealed.ciphertext);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => open(tampered, 'k1', 'users.totp:1', ring1)).toThrow();
  });

  it('re-wraps under the active key without touching the data', () => {
    const sealed = seal('secret', 'ctx', ring1);
    const rotated = rewrap(sealed.ciphertext, sealed.keyId, 'ctx', ring2);
    expect(rotated.keyId).toBe('k2');
    expect(open(rotated.ciphertext, 'k2', 'ctx', ring2).toString()).toBe('secret');
    expect(() => open(rotated.ciphertext, 'k1', 'ctx', ring2)).toThrow();
  });

  it('validates the keyring', () => {
    expect(() => parseKeyring('k1:short')).toThrow(/32 bytes/);
    expect(() => parseKeyring(`k1:${k()}`, 'k9')).toThrow(/ACTIVE/);
  });
});
