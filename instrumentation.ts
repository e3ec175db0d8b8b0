/**
 * Next.js calls register() once when a server starts, before it takes requests.
 * Loading lib/env.ts here validates the whole configuration at boot, so a bad or
 * missing variable stops `next start` with a readable list instead of surfacing as
 * a 500 on the first request that needs it.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself (not configuration, so it is not lib/env.ts's
  // business); env.ts and its Node-only validation are skipped for the edge runtime.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('@/lib/env');
  }
}
