import type { Gateway } from './gateway';
import { SANDBOX_GATEWAYS } from './sandbox/config';
import { SandboxGateway } from './sandbox/sandbox-gateway';

/**
 * Every connector this install can send payments to, by the name stored in
 * transactions.gateway_name. A real processor is one more entry here.
 */
export const GATEWAY_NAMES = [...SANDBOX_GATEWAYS] as const;
export type GatewayName = (typeof GATEWAY_NAMES)[number];

/** The order used when a merchant has no routing rules of its own. */
export const DEFAULT_ROUTING: readonly GatewayName[] = ['sandbox_alpha', 'sandbox_beta'];

const gateways = new Map<string, Gateway>(GATEWAY_NAMES.map((name) => [name, new SandboxGateway(name)]));

export class UnknownGatewayError extends Error {
  constructor(readonly gatewayName: string) {
    super(`unknown gateway ${gatewayName}`);
    this.name = 'UnknownGatewayError';
  }
}

export function isGatewayName(name: string): name is GatewayName {
  return gateways.has(name);
}

export function getGateway(name: string): Gateway {
  const gateway = gateways.get(name);
  if (!gateway) throw new UnknownGatewayError(name);
  return gateway;
}
