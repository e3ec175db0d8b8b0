import Redis from 'ioredis';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { resetClockForTests } from '@/lib/clock';
import { authorizeWithRouting } from '@/lib/gateways/authorize-with-routing';
import { gatewayHealth, resetGatewayHealth, resetLocalGatewayHealthForTests } from '@/lib/gateways/health';
import { getRoutingRules, routeFor } from '@/lib/gateways/routing';
import { configureSandbox, resetSandboxConfig, SANDBOX_GATEWAYS } from '@/lib/gateways/sandbox/config';
import { invalidateMerchantCache } from '@/lib/merchants/merchant-cache';
import { insertMerchant, query } from '@/tests/helpers/fixtures';
import { authorizeRequest, book } from './helpers';

/**
 * Per-merchant routing rules from processing_config, read through Redis
 * (`routing:rules:<merchant_id>`, 30 minutes), and the whole path with Redis
 * unreachable: rules from PostgreSQL, health and circuit per process.
 */

// Nothing listens on port 1: every command fails at once (no offline queue, no retries).
const deadRedis = new Redis('redis://127.0.0.1:1', {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
});
deadRedis.on('error', () => undefined);
afterAll(() => deadRedis.disconnect());

beforeEach(async () => {
  resetSandboxConfig();
  resetClockForTests();
  resetLocalGatewayHealthForTests();
  for (const g of SANDBOX_GATEWAYS) await resetGatewayHealth(g);
});

const merchantWith = (processingConfig: unknown) => insertMerchant({ processing_config: processingConfig });

describe('routing rules', () => {
  it('default order is alpha, then beta', async () => {
    const merchantId = await insertMerchant();
    expect(await routeFor({ merchantId, livemode: false })).toEqual(['sandbox_alpha', 'sandbox_beta']);
    expect((await authorizeWithRouting({ merchantId, livemode: false }, authorizeRequest())).gateway).toBe(
      'sandbox_alpha',
    );
  });

  it("follow the merchant's processing_config.routing, and fail over in that order", async () => {
    const merchantId = await merchantWith({ routing: ['sandbox_beta', 'sandbox_alpha'], other: 1 });
    const scope = { merchantId, livemode: false };
    expect((await authorizeWithRouting(scope, authorizeRequest())).gateway).toBe('sandbox_beta');
    configureSandbox('sandbox_beta', { failureRate: 1 });
    const result = await authorizeWithRouting(scope, authorizeRequest());
    expect(result.calls.map((c) => [c.gateway, c.outcome])).toEqual([
      ['sandbox_beta', 'error'],
      ['sandbox_alpha', 'approved'],
    ]);
  });

  it('a list is the whole set: a merchant routed to beta only is never sent to alpha', async () => {
    const merchantId = await merchantWith({ routing: ['sandbox_beta'] });
    configureSandbox('sandbox_beta', { failureRate: 1 });
    const request = authorizeRequest();
    const result = await authorizeWithRouting({ merchantId, livemode: false }, request);
    expect(result).toMatchObject({ gateway: 'sandbox_beta', outcome: { outcome: 'error', retryable: true } });
    expect(await book('reference = $1', [request.reference])).toEqual([]);
  });

  it('may differ per mode', async () => {
    const merchantId = await merchantWith({ routing: { live: ['sandbox_beta'], test: ['sandbox_alpha'] } });
    expect(await routeFor({ merchantId, livemode: true })).toEqual(['sandbox_beta']);
    expect(await routeFor({ merchantId, livemode: false })).toEqual(['sandbox_alpha']);
  });

  it('are cached for 30 minutes under routing:rules:<merchant_id>, dropped by invalidateMerchantCache', async () => {
    const merchantId = await merchantWith({ routing: ['sandbox_beta', 'sandbox_alpha'] });
    await getRoutingRules(merchantId);
    const ttl = await redis().ttl(keys.routingRules(merchantId));
    expect(ttl).toBeGreaterThan(1700);
    expect(ttl).toBeLessThanOrEqual(1800);
    expect(JSON.parse((await redis().get(keys.routingRules(merchantId)))!)).toEqual({
      live: ['sandbox_beta', 'sandbox_alpha'],
      test: ['sandbox_beta', 'sandbox_alpha'],
    });

    // Changed behind the cache's back: the cached rules still apply until invalidated.
    await query(`UPDATE merchants SET processing_config = '{"routing":["sandbox_alpha"]}' WHERE id = $1`, [
      merchantId,
    ]);
    expect(await routeFor({ merchantId, livemode: false })).toEqual(['sandbox_beta', 'sandbox_alpha']);
    await invalidateMerchantCache(merchantId);
    expect(await redis().exists(keys.routingRules(merchantId))).toBe(0);
    expect(await routeFor({ merchantId, livemode: false })).toEqual(['sandbox_alpha']);
  });

  it('an unknown merchant gets the default order, not cached', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await routeFor({ merchantId: missing, livemode: false })).toEqual([
      'sandbox_alpha',
      'sandbox_beta',
    ]);
    expect(await redis().exists(keys.routingRules(missing))).toBe(0);
  });
});

describe('with Redis unreachable', () => {
  it('routing reads PostgreSQL, health and the circuit run per process, payments still fail over', async () => {
    await expect(deadRedis.get('anything')).rejects.toThrow();
    const merchantId = await merchantWith({ routing: ['sandbox_alpha', 'sandbox_beta'] });
    const scope = { merchantId, livemode: false };
    const options = { client: deadRedis };
    expect(await getRoutingRules(merchantId, options)).toEqual({
      live: ['sandbox_alpha', 'sandbox_beta'],
      test: ['sandbox_alpha', 'sandbox_beta'],
    });

    configureSandbox('sandbox_alpha', { failureRate: 1 });
    const requests = Array.from({ length: 7 }, () => authorizeRequest());
    for (const request of requests) {
      expect(await authorizeWithRouting(scope, request, options)).toMatchObject({
        gateway: 'sandbox_beta',
        outcome: { outcome: 'approved' },
      });
    }
    const health = await gatewayHealth(options);
    expect(health.find((h) => h.gateway === 'sandbox_alpha')).toMatchObject({
      circuit: 'open',
      failures: 5,
      source: 'process',
    });
    expect(health.find((h) => h.gateway === 'sandbox_beta')).toMatchObject({ calls: 7, source: 'process' });
    const refs = requests.map((r) => r.reference);
    expect(await book("gateway = 'sandbox_alpha' AND reference = ANY($1)", [refs])).toEqual([]);
    expect(await book("gateway = 'sandbox_beta' AND reference = ANY($1)", [refs])).toHaveLength(7);

    // Nothing reached the real Redis.
    expect(await redis().exists(keys.routingRules(merchantId), keys.gatewayHealth('sandbox_alpha'))).toBe(0);
  });
});
