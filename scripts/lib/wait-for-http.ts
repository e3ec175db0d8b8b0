import { sleep } from './processes';

/**
 * Polls until the URL answers with any HTTP response (a 404 or 500 still means
 * the server is listening). Resolves false if `keepWaiting` turns false first.
 */
export async function waitForHttp(url: string, keepWaiting: () => boolean, intervalMs = 500): Promise<boolean> {
  while (keepWaiting()) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.body?.cancel();
      return true;
    } catch {
      await sleep(intervalMs); // connection refused: not listening yet
    }
  }
  return false;
}
