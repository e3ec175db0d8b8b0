import type { DbTx } from '@/lib/db/client';
import { cachedPaymentMethods, cacheRows, type CachedMethod } from './cache';
import { findVaultRows } from './repository';
import type { Scope } from './types';

/**
 * PaymentMethods by token, from Redis where cached and PostgreSQL for the
 * rest (which are then cached). Tokens of other merchants or modes, and
 * unknown ones, are simply absent from the result.
 */
export async function loadPaymentMethods(
  tx: DbTx,
  scope: Scope,
  tokens: string[],
): Promise<Map<string, CachedMethod>> {
  const found = await cachedPaymentMethods(scope, tokens);
  const missing = tokens.filter((t) => !found.has(t));
  if (missing.length > 0) {
    for (const [token, method] of await cacheRows(await findVaultRows(tx, scope, missing)))
      found.set(token, method);
  }
  return found;
}
