import { timingSafeEqual } from 'node:crypto';
import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { log } from '@/lib/log';
import { cacheApiKeyLookup } from './auth-cache';
import { hashApiKey } from './hash-api-key';
import type { KeyType } from './key-format';

/**
 * The lookup the /v1 pipeline runs for each request: the presented key →
 * who is calling, or null. Null is the only failure: an unknown key, a wrong
 * key, a revoked or expired key all look the same to the caller.
 *
 * Positive lookups are cached in Redis by the key's HMAC for ttl.apiKeyAuth
 * seconds; revoke and roll delete the entry after they commit (and fence it
 * against a racing stale write, see auth-cache.ts), so a revoked key fails on
 * the very next request. The cached entry carries expires_at, so
 * a rolled key's deadline is honoured without another read.
 */
export interface ApiKeyAuthContext {
  keyId: string;
  merchantId: string;
  livemode: boolean;
  keyType: KeyType;
  permissions: string[];
  keyPrefix: string;
}

interface CachedLookup extends ApiKeyAuthContext {
  keyHash: string;
  expiresAt: number | null;
}

// Longer than any key we issue by far; anything beyond is refused before hashing.
const MAX_KEY_LENGTH = 255;

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

async function readCache(hash: string): Promise<CachedLookup | null> {
  try {
    const raw = await redis().get(keys.apiKeyAuth(hash));
    return raw ? (JSON.parse(raw) as CachedLookup) : null;
  } catch (err) {
    log.debug('API key cache unavailable; reading PostgreSQL', { err: (err as Error).message });
    return null;
  }
}


async function readDatabase(hash: string): Promise<CachedLookup | null> {
  const row = await db().merchantApiKey.findUnique({ where: { keyHash: hash } });
  if (!row || row.revokedAt || row.isActive === false) return null;
  return {
    keyId: row.id,
    merchantId: row.merchantId,
    livemode: row.environment === 'live',
    keyType: row.keyType as KeyType,
    permissions: row.permissions,
    keyPrefix: row.keyPrefix,
    keyHash: row.keyHash,
    expiresAt: row.expiresAt?.getTime() ?? null,
  };
}

export async function authenticateApiKey(presented: string): Promise<ApiKeyAuthContext | null> {
  if (!presented || presented.length > MAX_KEY_LENGTH) return null;
  const hash = hashApiKey(presented);
  let entry = await readCache(hash);
  if (!entry) {
    entry = await readDatabase(hash);
    if (entry) await cacheApiKeyLookup(entry.keyHash, JSON.stringify(entry));
  }
  // The row was found by its hash; comparing again in constant time keeps the
  // decision itself free of early exits on the hash's bytes.
  if (!entry || !sameHash(entry.keyHash, hash)) return null;
  if (entry.expiresAt !== null && entry.expiresAt <= clock.nowMs()) return null;
  const { keyHash: _hash, expiresAt: _expiresAt, ...context } = entry;
  return context;
}
