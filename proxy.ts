import { NextResponse, type NextRequest } from 'next/server';

/**
 * Security headers for every page, with a fresh CSP nonce per request: scripts
 * run only if Next.js rendered them with this request's nonce ('strict-dynamic'
 * lets those load their own chunks), so an injected <script> never runs. Pages
 * are rendered dynamically (the root layout reads the nonce) for this to work.
 *
 * (Runs in Next's proxy layer, which cannot import lib/env.ts; it reads only
 * NODE_ENV, which Next.js inlines at build time.)
 */
export function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const isApi = request.nextUrl.pathname.startsWith('/v1/') || request.nextUrl.pathname.startsWith('/api/');
  // The hosted checkout shows the merchant's logo and product images from the
  // merchant's own hosts: https anywhere, plus loopback http for test-mode
  // sessions (checked per URL by lib/checkout-page/branding.ts). Images cannot
  // run code; scripts stay 'self' + nonce on this route like everywhere else.
  const isCheckout = request.nextUrl.pathname.startsWith('/checkout/');

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const dev = process.env.NODE_ENV === 'development';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // React style={} attributes; they cannot carry a nonce and cannot run code.
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' blob: data:${isCheckout ? ' https: http://localhost:* http://127.0.0.1:*' : ''}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  if (!isApi) {
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', csp);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  const h = response.headers;
  h.set('Content-Security-Policy', isApi ? "default-src 'none'; frame-ancestors 'none'" : csp);
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('X-Frame-Options', 'DENY');
  h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  h.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (https) h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
