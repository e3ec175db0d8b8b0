import { env } from '@/lib/env';
import { hashApiKeyWith } from './key-format';

/** The stored form of a key under this install's API_KEY_HMAC_SECRET. */
export function hashApiKey(key: string): string {
  if (!env.API_KEY_HMAC_SECRET) throw new Error('API_KEY_HMAC_SECRET is not set');
  return hashApiKeyWith(env.API_KEY_HMAC_SECRET, key);
}
