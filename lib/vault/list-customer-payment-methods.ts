import { DEFAULT_LIMIT, type PageRequest } from '@/lib/api/list';
import type { DbTx } from '@/lib/db/client';
import { cacheCustomerTokens, cachedCustomerTokens } from './cache';
import { requireCustomer } from './customer-check';
import { loadPaymentMethods } from './load-payment-methods';
import { customerVaultTokens } from './repository';
import type { PaymentMethodObject } from './schemas';
import type { Scope } from './types';

/**
 * A customer's attached PaymentMethods, newest first, paged with Stripe's
 * cursors. The customer's token list is cached (customer:pm:<id>) and paged
 * in memory; a customer has a handful of cards. Throws "No such customer";
 * null when the cursor is not one of the customer's PaymentMethods.
 */
export async function listCustomerPaymentMethods(
  tx: DbTx,
  scope: Scope,
  customerId: string,
  page: PageRequest,
  customerShownAs?: string,
): Promise<{ data: PaymentMethodObject[]; hasMore: boolean } | null> {
  await requireCustomer(tx, scope, customerId, customerShownAs);
  let tokens = await cachedCustomerTokens(customerId);
  if (!tokens) {
    tokens = await customerVaultTokens(tx, scope, customerId);
    await cacheCustomerTokens(customerId, tokens);
  }
  const window = pageOf(tokens, page);
  if (!window) return null;
  const methods = await loadPaymentMethods(tx, scope, window.tokens);
  const data = window.tokens
    .map((t) => methods.get(t)?.object)
    .filter((o): o is PaymentMethodObject => o !== undefined && o.customer !== null);
  return { data, hasMore: window.hasMore };
}

function pageOf(tokens: string[], page: PageRequest): { tokens: string[]; hasMore: boolean } | null {
  const limit = page.limit ?? DEFAULT_LIMIT;
  const cursor = page.cursor;
  if (!cursor) return { tokens: tokens.slice(0, limit), hasMore: tokens.length > limit };
  const at = tokens.indexOf(cursor.id);
  if (at < 0) return null;
  if (cursor.direction === 'after') {
    return { tokens: tokens.slice(at + 1, at + 1 + limit), hasMore: tokens.length > at + 1 + limit };
  }
  const start = Math.max(0, at - limit);
  return { tokens: tokens.slice(start, at), hasMore: start > 0 };
}
