/**
 * The contract between lib/checkout and the hosted page (app/checkout/**):
 * what the page shows and what a pay attempt can come back with. Amounts are
 * integers in the currency's minor unit (format with lib/money/currencies.ts).
 */
export interface CheckoutPageView {
  /** The public id, `cs_test_…` / `cs_live_…`. */
  id: string;
  status: 'open' | 'complete' | 'expired';
  livemode: boolean;
  merchant: { name: string; brandColor: string | null; logoUrl: string | null };
  /** Upper case ISO 4217 (as stored), e.g. `USD`. */
  currency: string;
  amountSubtotal: number;
  amountTotal: number;
  lineItems: {
    name: string;
    description: string | null;
    images: string[];
    quantity: number;
    unitAmount: number;
    amountTotal: number;
  }[];
  customerEmail: string | null;
  /** With `{CHECKOUT_SESSION_ID}` filled in. */
  successUrl: string;
  cancelUrl: string | null;
  expiresAt: Date;
  payment: null | {
    /** The PaymentIntent's Stripe status (`succeeded`, `requires_action`, `requires_payment_method`, …). */
    status: string;
    brand: string | null;
    last4: string | null;
    amount: number;
    paidAt: Date | null;
    /** The 3-D Secure challenge page while the payment waits for it. */
    challengeUrl: string | null;
    /** The last attempt's failure, for the customer (a decline or a failed authentication). */
    errorMessage: string | null;
  };
}

export type PayOutcome =
  | { kind: 'succeeded'; redirectUrl: string }
  | { kind: 'declined'; message: string; declineCode: string | null }
  | { kind: 'requires_action'; challengeUrl: string }
  | {
      kind: 'invalid';
      errors: Partial<
        Record<'email' | 'number' | 'expiry' | 'cvc' | 'name' | 'country' | 'postalCode', string>
      >;
    }
  | { kind: 'expired' }
  | { kind: 'complete'; redirectUrl: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number };
