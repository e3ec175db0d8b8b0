import type { DbTx } from '@/lib/db/client';
import { findCardSummaryRows, findCustomerCardSummaryRows } from './repository';
import type { Scope } from './types';

/**
 * What the dashboard may show of a card: brand, last four, expiry. Read from
 * the plain columns, so nothing is decrypted and the card number never leaves
 * the vault.
 */
export interface CardSummary {
  token: string;
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
}

/** The summary of one vault row (plain columns). */
export function cardSummaryOf(row: {
  token: string;
  brand: string | null;
  lastFour: string | null;
  expiresAt: Date | null;
}): CardSummary {
  return {
    token: row.token,
    brand: row.brand,
    last4: row.lastFour,
    expMonth: row.expiresAt ? row.expiresAt.getUTCMonth() + 1 : null,
    expYear: row.expiresAt ? row.expiresAt.getUTCFullYear() : null,
  };
}

/** The cards of a page of payments, in one query, by token. */
export async function cardSummaries(
  tx: DbTx,
  scope: Scope,
  tokens: string[],
): Promise<Map<string, CardSummary>> {
  const unique = [...new Set(tokens)];
  if (unique.length === 0) return new Map();
  const rows = await findCardSummaryRows(tx, scope, unique);
  return new Map(rows.map((r) => [r.token, cardSummaryOf(r)]));
}

/** A customer's attached cards, newest first. */
export async function customerCardSummaries(
  tx: DbTx,
  scope: Scope,
  customerId: string,
): Promise<CardSummary[]> {
  return (await findCustomerCardSummaryRows(tx, scope, customerId)).map(cardSummaryOf);
}
