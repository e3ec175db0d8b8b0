import type { Prisma } from '@/lib/db/generated/client';
import type { GatewayCallRecord } from '@/lib/gateways/gateway';
import type { PaymentRow } from './repository';

/**
 * transactions.gateway_response: every gateway call made for the payment, in
 * order, as the connectors recorded it (masked: brand and last four at most).
 */
export function withGatewayCalls(row: PaymentRow, calls: GatewayCallRecord[]): Prisma.InputJsonValue {
  const previous = (row.gatewayResponse as { calls?: Prisma.InputJsonValue[] } | null)?.calls ?? [];
  return { calls: [...previous, ...(calls as unknown as Prisma.InputJsonValue[])] };
}
