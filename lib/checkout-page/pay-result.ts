import type { CardFieldErrors } from './card-fields';

/**
 * What the pay endpoint answers the card form's script (app/checkout/[id]/pay/route.ts, pay-form.ts):
 * the pay use case's outcome with every URL checked and every message written
 * for the customer. Holds no card data: the form clears its fields itself.
 */
export type PayResult =
  | { kind: 'succeeded'; redirectUrl: string }
  | { kind: 'complete'; redirectUrl: string }
  | { kind: 'declined'; message: string }
  | { kind: 'requires_action'; challengeUrl: string }
  | { kind: 'invalid'; errors: CardFieldErrors }
  | { kind: 'expired' }
  | { kind: 'rate_limited'; message: string }
  | { kind: 'error'; message: string };

/** Seconds as words for the rate-limit message: 1 → "a second", 90 → "2 minutes". */
export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return s === 1 ? 'a second' : `${s} seconds`;
  const m = Math.ceil(s / 60);
  return m === 1 ? 'a minute' : `${m} minutes`;
}

/**
 * The 3-D Secure challenge must be on our own domain: a path on this origin
 * (`/authenticate/...`), or an absolute URL whose origin is `appOrigin`.
 */
export function sameOriginPath(value: string, appOrigin: string): string | null {
  if (/^\/(?![/\\])/.test(value)) return value;
  try {
    const url = new URL(value);
    return url.origin === new URL(appOrigin).origin ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}
