import type { Task } from 'graphile-worker';
import { flushLastUsed } from '@/lib/api-keys/flush-last-used';

/** Writes the API key uses recorded in Redis to merchant_api_keys.last_used_at. */
export const flushApiKeyLastUsed: Task = async (_payload, helpers) => {
  const updated = await flushLastUsed();
  if (updated > 0) helpers.logger.debug(`last_used_at written for ${updated} API keys`);
};
