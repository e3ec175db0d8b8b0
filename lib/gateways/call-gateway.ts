import type { Gateway, GatewayCallRecord, GatewayOutcome } from './gateway';
import { recordCall, type HealthOptions } from './health';
import { log } from '@/lib/log';
import { maskGatewayRaw } from './mask';
import { getGateway } from './registry';

/**
 * One call to one gateway, as every caller needs it: timed, counted in the
 * gateway's health, turned into a GatewayCallRecord with masked `raw` (for
 * transactions.gateway_response), and never a thrown error. A connector that
 * throws has failed somewhere we cannot see: whether the processor acted is
 * unknown, so it becomes a non-retryable error (no failover, no second charge).
 */
export interface GatewayCallResult {
  gateway: string;
  outcome: GatewayOutcome;
  call: GatewayCallRecord;
}

export async function callGateway(
  gateway: Gateway,
  operation: GatewayCallRecord['operation'],
  reference: string,
  run: () => Promise<GatewayOutcome>,
  options: HealthOptions = {},
): Promise<GatewayCallResult> {
  const started = performance.now();
  let outcome: GatewayOutcome;
  try {
    outcome = await run();
  } catch (err) {
    log.error('gateway call threw; outcome unknown', { gateway: gateway.name, operation, reference, err });
    outcome = {
      outcome: 'error',
      retryable: false,
      message: `${gateway.name}: the call failed and its outcome is unknown`,
      raw: { gateway: gateway.name, error: { type: 'api_error' } },
    };
  }
  const latencyMs = Math.round(performance.now() - started);
  outcome = { ...outcome, raw: maskGatewayRaw(outcome.raw) };
  await recordCall(gateway.name, outcome.outcome !== 'error', latencyMs, options);
  return {
    gateway: gateway.name,
    outcome,
    call: {
      gateway: gateway.name,
      operation,
      reference,
      outcome: outcome.outcome,
      latencyMs,
      raw: outcome.raw,
    },
  };
}

/**
 * Capture, void and refund go to the gateway that authorized the payment (only
 * it knows the authorization): no routing, no failover, but counted in health.
 */
export async function captureOn(
  gatewayName: string,
  gatewayTransactionId: string,
  amount: number,
  reference: string,
  options: HealthOptions = {},
): Promise<GatewayCallResult> {
  const gateway = getGateway(gatewayName);
  return callGateway(
    gateway,
    'capture',
    reference,
    () => gateway.capture(gatewayTransactionId, amount, reference),
    options,
  );
}

export async function voidOn(
  gatewayName: string,
  gatewayTransactionId: string,
  reference: string,
  options: HealthOptions = {},
): Promise<GatewayCallResult> {
  const gateway = getGateway(gatewayName);
  return callGateway(
    gateway,
    'void',
    reference,
    () => gateway.void(gatewayTransactionId, reference),
    options,
  );
}

export async function refundOn(
  gatewayName: string,
  gatewayTransactionId: string,
  amount: number,
  reference: string,
  options: HealthOptions = {},
): Promise<GatewayCallResult> {
  const gateway = getGateway(gatewayName);
  return callGateway(
    gateway,
    'refund',
    reference,
    () => gateway.refund(gatewayTransactionId, amount, reference),
    options,
  );
}
