import type Redis from 'ioredis';
import { keys, ttl } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { db } from '@/lib/db/client';
import { log } from '@/lib/log';
import type { MerchantAddress } from './business-schema';

/**
 * Read-through caches of a merchant's details in Redis: the business profile
 * (seed 000 `merchant:<id>:profile`) and the processing configuration (seed 001
 * `merchant:config:<id>`), one hour each. Every change to a merchant calls
 * invalidateMerchantCache after its commit. Redis is only a cache here: when it
 * is unreachable, reads go to PostgreSQL and a warning is logged, never an error.
 *
 * Values are the row as of the read; nothing security-relevant (permissions,
 * live-mode eligibility) is decided from them — lib/auth/current.ts reads those
 * from PostgreSQL on every request.
 */
export interface MerchantProfile {
  id: string;
  businessName: string;
  legalName: string | null;
  businessType: string | null;
  taxId: string | null;
  email: string;
  phone: string | null;
  website: string | null;
  address: MerchantAddress;
  currency: string;
  status: string;
  verificationStatus: string | null;
  verificationNotes: string | null;
}

export interface MerchantConfig {
  id: string;
  status: string;
  verificationStatus: string | null;
  currency: string;
  riskLevel: string | null;
  processingConfig: unknown;
  feeStructure: unknown;
  /** Minor units as decimal strings (BIGINT does not fit JSON numbers safely). */
  dailyLimit: string | null;
  monthlyLimit: string | null;
}

export interface CacheOptions {
  /** The Redis client; tests pass one that cannot connect to prove the fallback. */
  client?: Redis;
}

async function loadProfile(merchantId: string): Promise<MerchantProfile | null> {
  const m = await db().merchant.findUnique({ where: { id: merchantId } });
  if (!m) return null;
  return {
    id: m.id,
    businessName: m.businessName,
    legalName: m.legalName,
    businessType: m.businessType,
    taxId: m.taxId,
    email: m.email,
    phone: m.phone,
    website: m.website,
    address: m.address as unknown as MerchantAddress,
    currency: m.currency,
    status: m.status,
    verificationStatus: m.verificationStatus,
    verificationNotes: m.verificationNotes,
  };
}

async function loadConfig(merchantId: string): Promise<MerchantConfig | null> {
  const m = await db().merchant.findUnique({
    where: { id: merchantId },
    select: {
      id: true,
      status: true,
      verificationStatus: true,
      currency: true,
      riskLevel: true,
      processingConfig: true,
      feeStructure: true,
      dailyLimit: true,
      monthlyLimit: true,
    },
  });
  if (!m) return null;
  return {
    ...m,
    processingConfig: m.processingConfig ?? {},
    feeStructure: m.feeStructure ?? {},
    dailyLimit: m.dailyLimit?.toString() ?? null,
    monthlyLimit: m.monthlyLimit?.toString() ?? null,
  };
}

async function readThrough<T>(
  key: string,
  seconds: number,
  load: () => Promise<T | null>,
  client: Redis,
): Promise<T | null> {
  try {
    const cached = await client.get(key);
    if (cached) return JSON.parse(cached) as T;
  } catch (err) {
    log.warn('merchant cache read failed; reading PostgreSQL', { key, err });
    return load();
  }
  const value = await load();
  // A missing merchant is not cached: it may be created a moment later.
  if (value) {
    try {
      await client.set(key, JSON.stringify(value), 'EX', seconds);
    } catch (err) {
      log.warn('merchant cache write failed', { key, err });
    }
  }
  return value;
}

export function getMerchantProfile(
  merchantId: string,
  options: CacheOptions = {},
): Promise<MerchantProfile | null> {
  return readThrough(
    keys.merchantProfile(merchantId),
    ttl.merchantProfile,
    () => loadProfile(merchantId),
    options.client ?? redis(),
  );
}

export function getMerchantConfig(
  merchantId: string,
  options: CacheOptions = {},
): Promise<MerchantConfig | null> {
  return readThrough(
    keys.merchantConfig(merchantId),
    ttl.merchantConfig,
    () => loadConfig(merchantId),
    options.client ?? redis(),
  );
}

/**
 * Drops every cached view of a merchant. Called after each committed change.
 * If Redis is unreachable the stale entries cannot be removed; they expire
 * within the TTL (and a Redis restart empties them, since it keeps nothing on disk).
 */
export async function invalidateMerchantCache(merchantId: string, options: CacheOptions = {}): Promise<void> {
  const client = options.client ?? redis();
  try {
    await client.del(
      keys.merchantProfile(merchantId),
      keys.merchantConfig(merchantId),
      keys.merchantLimits(merchantId),
      // processing_config.routing, read by lib/gateways/routing.ts.
      keys.routingRules(merchantId),
    );
  } catch (err) {
    log.warn('merchant cache invalidation failed; entries expire within the TTL', { merchantId, err });
  }
}
