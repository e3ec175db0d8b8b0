import type Redis from 'ioredis';
import { keys, ttl } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { db, type DbTx } from '@/lib/db/client';
import { log } from '@/lib/log';
import type { GatewayName } from './registry';
import { parseRoutingRules, type RoutingRules } from './routing-rules';

/**
 * Per-merchant routing rules, read through Redis (seed 001
 * `routing:rules:<merchant_id>`, 30 minutes). A change to the merchant drops
 * the entry (lib/merchants/merchant-cache.ts invalidateMerchantCache). When
 * Redis cannot answer, the rules are read from PostgreSQL: never an outage.
 */
export interface RoutingOptions {
  /** Tests pass a client that cannot connect, to prove the fallback. */
  client?: Redis;
  /**
   * The caller's transaction: a payment reads the rules on its own connection
   * rather than taking a second one from the pool while it holds a row lock.
   */
  tx?: DbTx;
}

async function loadRules(merchantId: string, tx: DbTx = db()): Promise<RoutingRules | null> {
  const merchant = await tx.merchant.findUnique({
    where: { id: merchantId },
    select: { processingConfig: true },
  });
  return merchant ? parseRoutingRules(merchant.processingConfig) : null;
}

export async function getRoutingRules(
  merchantId: string,
  options: RoutingOptions = {},
): Promise<RoutingRules> {
  const client = options.client ?? redis();
  const key = keys.routingRules(merchantId);
  try {
    const cached = await client.get(key);
    // Parsed again: an entry written by an older version cannot smuggle in an unknown gateway.
    if (cached) return parseRoutingRules({ routing: JSON.parse(cached) as unknown });
  } catch (err) {
    log.warn('routing rules cache read failed; reading PostgreSQL', { merchantId, err });
    return (await loadRules(merchantId, options.tx)) ?? parseRoutingRules({});
  }
  const rules = await loadRules(merchantId, options.tx);
  // A missing merchant is not cached (it may be created a moment later).
  if (!rules) return parseRoutingRules({});
  try {
    await client.set(key, JSON.stringify(rules), 'EX', ttl.routingRules);
  } catch (err) {
    log.warn('routing rules cache write failed', { merchantId, err });
  }
  return rules;
}

/** The gateways to try for a payment of this merchant in this mode, in order. */
export async function routeFor(
  scope: { merchantId: string; livemode: boolean },
  options: RoutingOptions = {},
): Promise<GatewayName[]> {
  const rules = await getRoutingRules(scope.merchantId, options);
  return scope.livemode ? rules.live : rules.test;
}
