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
