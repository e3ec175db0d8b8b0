/**
 * The one interface every payment gateway connector implements (the sandbox
 * connectors now; a real processor later is one more implementation). Amounts
 * are integers in the currency's minor unit. Every call carries our own
 * `reference`, which the processor uses as its idempotency key: the same
 * reference twice is the same operation, never a second charge.
 *
 * The card reaches a connector only as `CardForAuthorization`, handed over by
 * lib/vault for this one call; connectors never log or store it, and the
 * `raw` they return is already masked (no number, no CVC).
 */
export interface CardForAuthorization {
  number: string;
  expMonth: number;
  expYear: number;
  /** Present only when the customer just entered it; never stored. */
  cvc?: string;
  brand: string;
  last4: string;
}

export interface AuthorizeRequest {
  /** Ours, unique per authorization attempt; the processor's idempotency key. */
  reference: string;
  amount: number;
  currency: string;
  card: CardForAuthorization;
  /** Authorize and capture in one step (capture_method automatic). */
  capture: boolean;
  /** The customer completed 3-D Secure for this attempt. */
  authenticated?: boolean;
  /**
   * Our fraud assessment of the attempt (lib/fraud), Stripe's scale: a
   * processor may use it; the sandbox reports it as its charge outcome.
   */
  risk?: { level: 'normal' | 'elevated' | 'highest'; score: number };
}

export interface GatewayCallRecord {
  gateway: string;
  operation: 'authorize' | 'capture' | 'void' | 'refund';
  reference: string;
  outcome: GatewayOutcome['outcome'];
  latencyMs: number;
  /** Masked processor response: never a card number or CVC. */
  raw: Record<string, unknown>;
}

export type GatewayOutcome =
  | { outcome: 'approved'; gatewayTransactionId: string; captured: boolean; raw: Record<string, unknown> }
  | {
      outcome: 'declined';
      /** Stripe's error code: card_declined, expired_card, incorrect_cvc, processing_error. */
      code: string;
      declineCode: string;
      message: string;
      raw: Record<string, unknown>;
    }
  | { outcome: 'requires_action'; gatewayTransactionId: string; raw: Record<string, unknown> }
  /**
   * The processor could not be reached or failed before acting: nothing
   * happened, so the router may try another gateway (`retryable`). A
   * non-retryable error means the outcome is unknown and must not be retried
   * elsewhere.
   */
  | { outcome: 'error'; retryable: boolean; message: string; raw: Record<string, unknown> };

export interface Gateway {
  readonly name: string;
  authorize(request: AuthorizeRequest): Promise<GatewayOutcome>;
  /** Captures `amount` (≤ authorized) of an authorization made with capture=false. */
  capture(gatewayTransactionId: string, amount: number, reference: string): Promise<GatewayOutcome>;
  /** Releases an uncaptured authorization. */
  void(gatewayTransactionId: string, reference: string): Promise<GatewayOutcome>;
  /** Refunds `amount` of a captured payment; `reference` is the refund's own id. */
  refund(gatewayTransactionId: string, amount: number, reference: string): Promise<GatewayOutcome>;
}
