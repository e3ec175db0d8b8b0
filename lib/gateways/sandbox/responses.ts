import { testCardBehavior } from '@/lib/cards/test-cards';
import type { AuthorizeRequest, GatewayOutcome } from '@/lib/gateways/gateway';

/**
 * What a sandbox processor answers, as pure functions: the decision for an
 * authorization (from Stripe's test cards, lib/cards/test-cards.ts), the
 * masked response it stores in its book, and the GatewayOutcome rebuilt from
 * that stored response, so a repeated reference gets exactly the first answer.
 *
 * A response never holds the card number, the CVC or the expiry: brand and
 * last4 only.
 */
export type BookStatus = 'approved' | 'declined' | 'requires_action';

export interface SandboxResponse extends Record<string, unknown> {
  id: string;
  object: 'sandbox.operation';
  gateway: string;
  operation: 'authorize' | 'capture' | 'void' | 'refund';
  reference: string;
  status: BookStatus;
  amount: number;
  currency: string;
  /** The authorization (charge) this operation belongs to; its own id for an authorization. */
  charge: string;
  captured: boolean;
  card?: { brand: string; last4: string };
  code?: string;
  decline_code?: string;
  message?: string;
  outcome?: { type: string; risk_level: RiskLevel; risk_score: number };
  next_action?: { type: 'three_d_secure'; three_d_secure: { challenge: string } };
  /** Test card 4000000000000259: the disputes work opens a dispute once it is captured. */
  dispute_after_capture?: true;
}

/** Stripe's risk levels; our own assessment (lib/fraud) is what the charge reports. */
type RiskLevel = 'normal' | 'elevated' | 'highest';
const RISK_SCORES: Record<RiskLevel, number> = { normal: 20, elevated: 65, highest: 95 };

export interface Decision {
  status: BookStatus;
  captured: boolean;
  code?: string;
  declineCode?: string;
  message?: string;
  riskLevel: RiskLevel;
  disputeAfterCapture: boolean;
}

/** What the card does in the sandbox; 3-D Secure cards approve once the customer has authenticated. */
export function decideAuthorization(
  request: Pick<AuthorizeRequest, 'card' | 'capture' | 'authenticated'>,
): Decision {
  const behavior = testCardBehavior(request.card.number);
  const base = { riskLevel: 'normal' as RiskLevel, disputeAfterCapture: false };
  switch (behavior.kind) {
    case 'decline':
      return {
        ...base,
        status: 'declined',
        captured: false,
        code: behavior.code,
        declineCode: behavior.declineCode,
        message: behavior.message,
      };
    case 'requires_action':
      return request.authenticated
        ? { ...base, status: 'approved', captured: request.capture }
        : { ...base, status: 'requires_action', captured: false };
    case 'risk':
      return { ...base, status: 'approved', captured: request.capture, riskLevel: behavior.riskLevel };
    case 'dispute_after_capture':
      return { ...base, status: 'approved', captured: request.capture, disputeAfterCapture: true };
    case 'success':
      return { ...base, status: 'approved', captured: request.capture };
  }
}

/** The stored response of an authorization. */
export function authorizationResponse(
  gateway: string,
  id: string,
  request: AuthorizeRequest,
  decision: Decision,
): SandboxResponse {
  const response: SandboxResponse = {
    id,
    object: 'sandbox.operation',
    gateway,
    operation: 'authorize',
    reference: request.reference,
    status: decision.status,
    amount: request.amount,
    currency: request.currency,
    charge: id,
    captured: decision.captured,
    card: { brand: request.card.brand, last4: request.card.number.slice(-4) },
    // Ours decides when we assessed the attempt; the test card's own level otherwise.
    outcome: {
      type: decision.status === 'declined' ? 'issuer_declined' : 'authorized',
      risk_level: request.risk?.level ?? decision.riskLevel,
      risk_score: request.risk?.score ?? RISK_SCORES[decision.riskLevel],
    },
  };
  if (decision.status === 'declined') {
    Object.assign(response, {
      code: decision.code,
      decline_code: decision.declineCode,
      message: decision.message,
    });
  }
  if (decision.status === 'requires_action') {
    response.next_action = { type: 'three_d_secure', three_d_secure: { challenge: id } };
  }
  if (decision.disputeAfterCapture) response.dispute_after_capture = true;
  return response;
}

/** The outcome a stored response stands for. */
export function toOutcome(response: SandboxResponse): GatewayOutcome {
  const raw = { ...response };
  switch (response.status) {
    case 'approved':
      return {
        outcome: 'approved',
        // A refund has its own id; capture and void act on the charge.
        gatewayTransactionId: response.operation === 'refund' ? response.id : response.charge,
        captured: response.captured,
        raw,
      };
    case 'requires_action':
      return { outcome: 'requires_action', gatewayTransactionId: response.charge, raw };
    case 'declined':
      return {
        outcome: 'declined',
        code: response.code ?? 'card_declined',
        declineCode: response.decline_code ?? 'generic_decline',
        message: response.message ?? 'The operation was declined.',
        raw,
      };
  }
}

/** A refused capture, void or refund: the processor's answer, in the decline shape. */
export const REFUSALS = {
  charge_not_authorized: 'The authorization was not approved.',
  charge_voided: 'The authorization was voided.',
  charge_already_captured: 'The authorization has already been captured.',
  charge_not_captured: 'The payment has not been captured.',
  amount_too_large: 'The amount is greater than what remains on the payment.',
} as const;
export type Refusal = keyof typeof REFUSALS;
