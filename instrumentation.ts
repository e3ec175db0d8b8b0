/**
 * Next.js calls register() once when a server starts, before it takes requests.
 * Loading lib/env.ts here validates the whole configuration at boot, so a bad or
 * missing variable stops `next start` with a readable list instead of surfacing as
 * a 500 on the first request that needs it.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself (not configuration, so it is not lib/env.ts's
  // business); env.ts and its Node-only validation are skipped for the edge runtime.
  // The condition is written out in full so the bundler drops this block from the edge build.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    try {
      await import('@/lib/env');
    } catch (err) {
      // Next.js logs a failing register() but keeps the server up, answering every
      // request with a 500; a misconfigured server must not look alive to a process
      // manager or load balancer. console, not lib/log: the logger needs the env too.
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    }
  }
}
