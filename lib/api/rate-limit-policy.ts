import { env } from '@/lib/env';

/**
 * The one table of /v1 rate limits. Each API key has a budget per endpoint in
 * two sliding windows: a one-second burst window (Stripe's 100/s in live mode
 * and 25/s in test mode, both configurable) and the design's one-hour window
 * (seed 001: "Rate limiting (1 hour sliding window)"), which holds a key to an
 * average of half its burst rate over any hour. Test mode is stricter, as at Stripe.
 */
export interface Window {
  /** Window length in seconds. */
  seconds: number;
  limit: number;
}

export function rateLimitWindows(livemode: boolean): Window[] {
  const perSecond = livemode ? env.API_RATE_LIMIT_LIVE : env.API_RATE_LIMIT_TEST;
  return [
    { seconds: 1, limit: perSecond },
    { seconds: 3600, limit: perSecond * 1800 },
  ];
}

/**
 * Hosted checkout's limits against card testing (lib/checkout/attempt-limits.ts):
 * failed pay attempts counted per session and per client IP in a sliding
 * window; past either limit, attempts are refused before any card is vaulted
 * or sent to a gateway. Only failures count, so a customer who pays at the
 * first try never comes near them.
 */
export interface CheckoutFailurePolicy {
  windowSeconds: number;
  perSession: number;
  perIp: number;
}

export function checkoutFailurePolicy(): CheckoutFailurePolicy {
  return {
    windowSeconds: env.CHECKOUT_FAILURE_WINDOW_SECONDS,
    perSession: env.CHECKOUT_FAILURES_PER_SESSION,
    perIp: env.CHECKOUT_FAILURES_PER_IP,
  };
}
