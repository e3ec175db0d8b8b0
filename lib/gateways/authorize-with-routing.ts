import { log } from '@/lib/log';
import { callGateway } from './call-gateway';
import type { AuthorizeRequest, GatewayCallRecord, GatewayOutcome } from './gateway';
import { admitCall, type HealthOptions } from './health';
import { getGateway } from './registry';
import { routeFor, type RoutingOptions } from './routing';

export { captureOn, refundOn, voidOn, type GatewayCallResult } from './call-gateway';

/**
 * Authorizes a payment on the merchant's gateways, in the merchant's order
 * (./routing.ts), around open circuits (./health.ts).
 *
 * Failover happens ONLY on an `error` with retryable=true: the processor
 * failed before acting, so nothing was authorized and the next gateway may
 * try. An approval, a decline, a 3-D Secure challenge or a non-retryable error
 * (outcome unknown) is final. Every gateway gets the same `reference`, which
 * each processor uses as its idempotency key: a retry of the whole call lands
 * on the same operation, and since a retryable failure means nothing was
 * processed, a failover cannot charge twice.
 *
 * When every circuit is open, the gateway that failed least recently is tried
 * anyway (one call, no further failover among open circuits): refusing would
 * fail the payment for certain, while that gateway may have recovered. If
 * every gateway erred retryably, the last error is returned (retryable), with
 * the gateway that gave it.
 */
export interface RoutedAuthorization {
  /** The gateway that gave `outcome` (the one to store in transactions.gateway_name). */
  gateway: string;
  outcome: GatewayOutcome;
  /** Every call made, in order, with masked raw responses. */
  calls: GatewayCallRecord[];
  /** Gateways passed over because their circuit was open. */
  skipped: string[];
}

export async function authorizeWithRouting(
  scope: { merchantId: string; livemode: boolean },
  request: AuthorizeRequest,
  options: HealthOptions & RoutingOptions = {},
): Promise<RoutedAuthorization> {
  const order = await routeFor(scope, options);
  const calls: GatewayCallRecord[] = [];
  const skipped: { name: string; lastFailureAt: number }[] = [];
  let last: { gateway: string; outcome: GatewayOutcome } | undefined;

  const attempt = async (name: string) => {
    const gateway = getGateway(name);
    const result = await callGateway(
      gateway,
      'authorize',
      request.reference,
      () => gateway.authorize(request),
      options,
    );
    calls.push(result.call);
    last = { gateway: name, outcome: result.outcome };
    return result.outcome;
  };
  const done = () => ({ ...last!, calls, skipped: skipped.map((s) => s.name) });

  for (const name of order) {
    const admission = await admitCall(name, options);
    if (!admission.allowed) {
      skipped.push({ name, lastFailureAt: admission.lastFailureAt });
      continue;
    }
    const outcome = await attempt(name);
    if (outcome.outcome !== 'error' || !outcome.retryable) return done();
    log.warn('gateway failed before processing; failing over', {
      gateway: name,
      reference: request.reference,
      merchantId: scope.merchantId,
    });
  }

  if (!last) {
    // Every circuit is open: try the one that failed least recently, once.
    const forced = [...skipped].sort((a, b) => a.lastFailureAt - b.lastFailureAt)[0];
    if (forced) await attempt(forced.name);
  }
  if (!last) {
    // No gateway at all (an empty route cannot happen: routing falls back to the default order).
    return {
      gateway: 'none',
      outcome: { outcome: 'error', retryable: true, message: 'no gateway available', raw: {} },
      calls,
      skipped: skipped.map((s) => s.name),
    };
  }
  return done();
}
