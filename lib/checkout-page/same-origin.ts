/**
 * Whether a request to the pay endpoint comes from our own checkout page:
 * JSON (a cross-site HTML form cannot send it without a CORS preflight we
 * never answer), an `Origin` equal to this server's (as the browser reached
 * it, or APP_URL), and, where the browser sends it, `Sec-Fetch-Site:
 * same-origin`. Returns the reason to refuse, or null.
 */
export function crossSiteProblem(h: Pick<Headers, 'get'>, appOrigin: string): string | null {
  const type = (h.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return 'content-type';
  const site = h.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return 'sec-fetch-site';
  const origin = h.get('origin');
  if (!origin) return 'origin';
  const host = h.get('host');
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  const own = new Set([safeOrigin(appOrigin), host ? `${proto}://${host}` : null]);
  return own.has(origin) ? null : 'origin';
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
