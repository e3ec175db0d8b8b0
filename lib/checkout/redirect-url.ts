/**
 * URLs a merchant gives us that we later put in front of a customer: where the
 * hosted page sends them (success_url, cancel_url), product images, the logo.
 * Shared with the webhook endpoints' URL checks.
 *
 * - Redirects: https; in test mode http is also accepted for localhost and
 *   127.0.0.1 (a developer's own machine), never for other hosts.
 * - Images and logos: https only, in both modes (the page is served over
 *   https and must not load mixed content or leak the customer's IP over http).
 * - Never credentials in the URL (`https://user:pass@…`), never another scheme
 *   (javascript:, data:, file:), at most 2048 characters.
 *
 * Each returns a human-readable problem, or null when the URL is acceptable.
 */
export const MAX_URL_LENGTH = 2048;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(value: string): URL | null {
  if (value.length > MAX_URL_LENGTH) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function basicProblem(value: string, url: URL | null): string | null {
  if (value.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  if (!url) return 'is not a valid URL';
  if (url.username || url.password) return 'may not contain a user name or password';
  return null;
}

/** success_url / cancel_url (Stripe's `{CHECKOUT_SESSION_ID}` template is allowed anywhere in it). */
export function redirectUrlProblem(value: string, livemode: boolean): string | null {
  // The template's braces are not valid in a URL until filled in; check with a stand-in.
  const probe = value.replaceAll('{CHECKOUT_SESSION_ID}', 'cs_placeholder');
  const url = parse(probe);
  const basic = basicProblem(value, url);
  if (basic) return basic;
  if (url!.protocol === 'https:') return url!.hostname ? null : 'must have a host';
  if (url!.protocol === 'http:') {
    if (livemode) return 'must use https in live mode';
    return LOCAL_HOSTS.has(url!.hostname) ? null : 'must use https (http only for localhost in test mode)';
  }
  return 'must be an http(s) URL';
}

/** Product images and the merchant's logo: https only. */
export function imageUrlProblem(value: string): string | null {
  const url = parse(value);
  const basic = basicProblem(value, url);
  if (basic) return basic;
  if (url!.protocol !== 'https:') return 'must use https';
  return url!.hostname ? null : 'must have a host';
}

/** success_url with Stripe's template filled in. */
export function fillSessionId(template: string, sessionId: string): string {
  return template.replaceAll('{CHECKOUT_SESSION_ID}', sessionId);
}
