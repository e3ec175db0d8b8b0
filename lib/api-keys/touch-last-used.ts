import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { clock } from '@/lib/clock';
import { log } from '@/lib/log';

/**
 * Notes that a key was just used, in Redis only (one HSET): the worker's
 * flush_api_key_last_used job writes these to merchant_api_keys.last_used_at
 * every minute, so a busy key costs no database write per request. Best
 * effort: if Redis is unreachable the use simply goes unrecorded.
 */
export async function touchLastUsed(keyId: string, at: Date = clock.now()): Promise<void> {
  try {
    await redis().hset(keys.apiKeyLastUsed(), keyId, String(at.getTime()));
  } catch (err) {
    log.debug('could not record API key use', { err: (err as Error).message });
  }
}

/** Uses recorded in Redis and not yet flushed, for these key ids (the list page shows them). */
export async function pendingLastUsed(keyIds: string[]): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  if (keyIds.length === 0) return out;
  try {
    const values = await redis().hmget(keys.apiKeyLastUsed(), ...keyIds);
    values.forEach((v, i) => {
      if (v && /^\d+$/.test(v)) out.set(keyIds[i]!, new Date(Number(v)));
    });
  } catch (err) {
    log.debug('could not read pending API key uses', { err: (err as Error).message });
  }
  return out;
}
