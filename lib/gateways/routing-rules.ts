import { z } from 'zod';
import { DEFAULT_ROUTING, isGatewayName, type GatewayName } from './registry';

/**
 * A merchant's routing rules: the ordered list of gateways to try, from
 * `merchants.processing_config.routing`. Either one list for both modes
 *
 *   { "routing": ["sandbox_beta", "sandbox_alpha"] }
 *
 * or one per mode (a missing mode uses the default order)
 *
 *   { "routing": { "live": ["sandbox_beta"], "test": ["sandbox_alpha", "sandbox_beta"] } }
 *
 * The list is exactly the set of gateways tried, in order: a gateway left out
 * is never used for that merchant. Unknown names and repeats are dropped; a
 * list left empty (or anything unreadable) means the default order.
 */
export interface RoutingRules {
  live: GatewayName[];
  test: GatewayName[];
}

const list = z.array(z.string());
const routingSchema = z.union([list, z.object({ live: list.optional(), test: list.optional() })]);

function clean(names: string[] | undefined): GatewayName[] {
  const known = [...new Set((names ?? []).filter(isGatewayName))];
  return known.length ? known : [...DEFAULT_ROUTING];
}

export function parseRoutingRules(processingConfig: unknown): RoutingRules {
  const routing =
    processingConfig && typeof processingConfig === 'object' && !Array.isArray(processingConfig)
      ? (processingConfig as Record<string, unknown>).routing
      : undefined;
  const parsed = routingSchema.safeParse(routing);
  if (!parsed.success) return { live: [...DEFAULT_ROUTING], test: [...DEFAULT_ROUTING] };
  if (Array.isArray(parsed.data)) return { live: clean(parsed.data), test: clean(parsed.data) };
  return { live: clean(parsed.data.live), test: clean(parsed.data.test) };
}
