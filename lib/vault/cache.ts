import type Redis from 'ioredis';
import { keys, ttl } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { log } from '@/lib/log';
import { objectFromRow, paymentMethodObject, withoutBilling } from './payment-method-object';
import type { VaultRow } from './repository';
import type { PaymentMethodObject } from './schemas';
import { openBilling } from './sealing';
import type { Scope } from './types';

/**
 * The seed's caches for payment methods, both 24 h:
 *
 *   pm:token:<token>           the PaymentMethod without its card and without
 *                              personal data in clear: brand, last four, expiry,
 *                              fingerprint, metadata, customer; the billing
 *                              details only as their sealed record (ciphertext).
 *   customer:pm:<customer_id>  the tokens attached to the customer, newest first.
 *
 * Never a card number, never a CVC. Redis is a cache only: every miss or
 * failure reads PostgreSQL. A change (attach, detach, update, rotation) drops
 * the entries and sets a short fence, and entries are written only while no
 * fence exists, so a reader that loaded the row just before the change
 * committed cannot put the old state back (lib/api-keys/auth-cache.ts does
 * the same for API keys).
 */
const CACHE_UNLESS_FENCED = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1
`;

type FencedRedis = Redis & { vaultCacheUnlessFenced(...args: (string | number)[]): Promise<number> };

function client(): FencedRedis {
  const c = redis() as FencedRedis;
  if (typeof c.vaultCacheUnlessFenced !== 'function') {
    c.defineCommand('vaultCacheUnlessFenced', { numberOfKeys: 2, lua: CACHE_UNLESS_FENCED });
  }
  return c;
}

interface CachedPaymentMethod {
  merchantId: string;
  livemode: boolean;
  usable: boolean;
  object: PaymentMethodObject;
  billing: { sealed: string; keyId: string } | null;
}

export interface CachedMethod {
  object: PaymentMethodObject;
  usable: boolean;
}

function entryFromRow(row: VaultRow): CachedPaymentMethod {
  return {
    merchantId: row.merchantId,
    livemode: row.livemode,
    usable: row.isActive === true,
    object: withoutBilling(paymentMethodObject(row, openBilling(row.token, null, null))),
    billing:
      row.encryptedBillingDetails && row.billingDetailsKeyId
        ? {
            sealed: Buffer.from(row.encryptedBillingDetails).toString('base64'),
            keyId: row.billingDetailsKeyId,
          }
        : null,
  };
}

function fromEntry(entry: CachedPaymentMethod): CachedMethod {
  const billing = entry.billing
    ? openBilling(entry.object.id, Buffer.from(entry.billing.sealed, 'base64'), entry.billing.keyId)
    : entry.object.billing_details;
  return { object: { ...entry.object, billing_details: billing }, usable: entry.usable };
}

async function cacheSet(key: string, fence: string, value: string, seconds: number): Promise<void> {
  try {
    await client().vaultCacheUnlessFenced(key, fence, value, seconds);
  } catch (err) {
    log.debug('could not cache payment method data', { err: (err as Error).message });
  }
}

/** Cached PaymentMethods by token, for this scope only (entries of other scopes are misses). */
export async function cachedPaymentMethods(
  scope: Scope,
  tokens: string[],
): Promise<Map<string, CachedMethod>> {
  const found = new Map<string, CachedMethod>();
  if (tokens.length === 0) return found;
  try {
    const values = await redis().mget(...tokens.map((t) => keys.paymentMethod(t)));
    values.forEach((value, i) => {
      if (!value) return;
      const entry = JSON.parse(value) as CachedPaymentMethod;
      if (entry.merchantId !== scope.merchantId || entry.livemode !== scope.livemode) return;
      try {
        found.set(tokens[i]!, fromEntry(entry));
      } catch {
        // Sealed under a master key no longer configured: read PostgreSQL instead.
      }
    });
  } catch (err) {
    log.debug('payment method cache unavailable', { err: (err as Error).message });
  }
  return found;
}

/** Caches rows just read from PostgreSQL and returns their objects. */
export async function cacheRows(rows: VaultRow[]): Promise<Map<string, CachedMethod>> {
  const out = new Map<string, CachedMethod>();
  await Promise.all(
    rows.map(async (row) => {
      out.set(row.token, { object: objectFromRow(row), usable: row.isActive === true });
      await cacheSet(
        keys.paymentMethod(row.token),
        keys.paymentMethodFence(row.token),
        JSON.stringify(entryFromRow(row)),
        ttl.paymentMethod,
      );
    }),
  );
  return out;
}

export async function cachedCustomerTokens(customerId: string): Promise<string[] | null> {
  try {
    const value = await redis().get(keys.customerPaymentMethods(customerId));
    return value ? (JSON.parse(value) as string[]) : null;
  } catch (err) {
    log.debug('payment method cache unavailable', { err: (err as Error).message });
    return null;
  }
}

export function cacheCustomerTokens(customerId: string, tokens: string[]): Promise<void> {
  return cacheSet(
    keys.customerPaymentMethods(customerId),
    keys.customerPaymentMethodsFence(customerId),
    JSON.stringify(tokens),
    ttl.customerPaymentMethods,
  );
}

/** Drops the entries a change makes stale, and fences them against stale rewrites. */
export async function forgetPaymentMethods(
  tokens: string[],
  customerIds: (string | null)[] = [],
): Promise<void> {
  const entries: [string, string][] = [
    ...tokens.map((t): [string, string] => [keys.paymentMethod(t), keys.paymentMethodFence(t)]),
    ...customerIds
      .filter((c): c is string => c !== null)
      .map((c): [string, string] => [keys.customerPaymentMethods(c), keys.customerPaymentMethodsFence(c)]),
  ];
  if (entries.length === 0) return;
  try {
    const multi = redis().multi();
    for (const [, fence] of entries) multi.set(fence, '1', 'EX', ttl.paymentMethodFence);
    multi.del(...entries.map(([key]) => key));
    await multi.exec();
  } catch (err) {
    // Redis is unreachable: nothing is read from it meanwhile; it comes back empty (nothing on disk).
    log.warn('could not drop cached payment methods', { err: (err as Error).message });
  }
}
