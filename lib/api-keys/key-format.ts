import { createHmac, randomBytes } from 'node:crypto';

/**
 * The shape of an API key, after Stripe's: `<type>_<environment>_<secret>` with
 * a type prefix (`sk` secret, `pk` publishable, `rk` restricted), `test` or
 * `live`, and 32 base62 characters (about 190 bits) from the system CSPRNG.
 * Pure functions only (no database, no env), so the seed and the tests share them.
 */
export const KEY_TYPES = ['secret', 'publishable', 'restricted'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export const ENVIRONMENTS = ['test', 'live'] as const;
export type KeyEnvironment = (typeof ENVIRONMENTS)[number];

export const KEY_TYPE_PREFIX: Record<KeyType, string> = { secret: 'sk', publishable: 'pk', restricted: 'rk' };

export const KEY_TYPE_LABELS: Record<KeyType, string> = {
  secret: 'Secret',
  publishable: 'Publishable',
  restricted: 'Restricted',
};

export const SECRET_LENGTH = 32;
/** How much of a key is stored in clear and shown in lists (`sk_test_AbCd`). */
export const PREFIX_LENGTH = 12;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// The largest multiple of 62 below 256: bytes at or above it are dropped, so
// every character is exactly uniform (no modulo bias).
const UNBIASED_LIMIT = 62 * 4;

const KEY_PATTERN = /^(sk|pk|rk)_(test|live)_[0-9A-Za-z]{32,}$/;

/** `length` uniform base62 characters from `source` (default: crypto.randomBytes). */
export function randomBase62(length: number, source: (n: number) => Buffer = randomBytes): string {
  let out = '';
  while (out.length < length) {
    for (const byte of source(length * 2)) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

export function generateApiKey(
  type: KeyType,
  environment: KeyEnvironment,
  source?: (n: number) => Buffer,
): string {
  return `${KEY_TYPE_PREFIX[type]}_${environment}_${randomBase62(SECRET_LENGTH, source)}`;
}

export function keyPrefix(key: string): string {
  return key.slice(0, PREFIX_LENGTH);
}

/** The type and environment a well-formed key announces, or null. */
export function parseApiKey(key: string): { type: KeyType; environment: KeyEnvironment } | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const type = KEY_TYPES.find((t) => KEY_TYPE_PREFIX[t] === match[1])!;
  return { type, environment: match[2] as KeyEnvironment };
}

/**
 * What is stored instead of the key: HMAC-SHA256 keyed with a server secret,
 * hex. A stolen database alone cannot be used to test guesses offline.
 */
export function hashApiKeyWith(secret: string, key: string): string {
  return createHmac('sha256', secret).update(key, 'utf8').digest('hex');
}
