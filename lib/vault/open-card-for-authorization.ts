import { invalidRequest, resourceMissing } from '@/lib/api/errors';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import type { CardForAuthorization } from '@/lib/gateways/gateway';
import { findVaultRow, touchVaultLastUsed } from './repository';
import { openBilling, openCard } from './sealing';
import { isVaultToken, type Scope } from './types';
import { cardSummaryOf, type CardSummary } from './card-summaries';

/**
 * What the fraud rules may know of a card besides the gateway's copy: the
 * stored fingerprint (an HMAC of the number, never the number), the issuing
 * country and the billing address's country. Never a card number or expiry.
 */
export interface CardRiskFacts {
  fingerprint: string;
  country: string | null;
  billingCountry: string | null;
}

/**
 * The one way a card number leaves the vault: opened for exactly one gateway
 * call and handed to the connector, never stored, logged or returned. The CVC
 * is whatever the customer just entered, passed through (it was never stored).
 * Records the use in last_used_at. Throws "No such PaymentMethod" for a token
 * outside this merchant and mode; a detached PaymentMethod may not be used.
 *
 * `risk` comes from the same row read (no second query), for the fraud check
 * that runs before the gateway is called.
 */
export async function openCardForPayment(
  tx: DbTx,
  scope: Scope,
  token: string,
  cvc?: string,
): Promise<{ card: CardForAuthorization; risk: CardRiskFacts; summary: CardSummary }> {
  const row = isVaultToken(token) ? await findVaultRow(tx, scope, token) : null;
  if (!row) {
    throw resourceMissing('PaymentMethod', token, 'payment_method');
  }
  if (row.isActive !== true) {
    throw invalidRequest('This PaymentMethod was detached from a Customer and may not be used again.', {
      code: 'payment_method_unexpected_state',
      param: 'payment_method',
    });
  }
  const card = openCard(row.token, row.encryptedData, row.encryptionKeyId);
  await touchVaultLastUsed(tx, row.token, clock.now());
  const billing = row.encryptedBillingDetails
    ? openBilling(row.token, row.encryptedBillingDetails, row.billingDetailsKeyId)
    : null;
  return {
    card: {
      number: card.number,
      expMonth: card.expMonth,
      expYear: card.expYear,
      ...(cvc !== undefined ? { cvc } : {}),
      brand: row.brand ?? 'unknown',
      last4: row.lastFour ?? card.number.slice(-4),
    },
    risk: {
      fingerprint: row.fingerprint,
      country: row.country,
      billingCountry: billing?.address?.country ?? null,
    },
    // What the charge object shows of the card, from the row already read.
    summary: cardSummaryOf(row),
  };
}

/** openCardForPayment without the risk facts (a 3-D Secure completion re-sends an assessed attempt). */
export async function openCardForAuthorization(
  tx: DbTx,
  scope: Scope,
  token: string,
  cvc?: string,
): Promise<CardForAuthorization> {
  return (await openCardForPayment(tx, scope, token, cvc)).card;
}
