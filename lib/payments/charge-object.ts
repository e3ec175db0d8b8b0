import { toPublicId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import { previousAttributes } from '@/lib/events/previous-attributes';
import { stripeRiskLevel } from '@/lib/fraud/score';
import { cardSummaries, type CardSummary } from '@/lib/vault';
import type { PaymentRow, Scope } from './repository';
import { statusOfPayment } from './status';

const seconds = (d: Date | null | undefined) => (d ? Math.floor(d.getTime() / 1000) : null);

interface StoredError {
  code?: string;
  decline_code?: string;
  message?: string;
}

/**
 * Stripe's `charge` object for a payment, as `charge.*` events carry it. One
 * charge per payment is modelled (the latest authorization attempt), so its id
 * is `ch_` + the payment's id, the same `latest_charge` the PaymentIntent
 * names and that refunds accept as `charge`.
 */
export interface ChargeObject {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  billing_details: null;
  captured: boolean;
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  disputed: boolean;
  failure_code: string | null;
  failure_message: string | null;
  livemode: boolean;
  metadata: Record<string, string>;
  outcome: {
    network_status: 'approved_by_network' | 'declined_by_network' | 'not_sent_to_network';
    reason: string | null;
    /** Ours (lib/fraud): normal, elevated, highest; not_assessed for payments never scored. */
    risk_level: string;
    /** 0..100, Stripe's scale (fraud_score × 100); null when not assessed. */
    risk_score: number | null;
    seller_message: string;
    type: 'authorized' | 'issuer_declined' | 'blocked';
  } | null;
  paid: boolean;
  payment_intent: string;
  payment_method: string | null;
  payment_method_details: {
    type: 'card';
    card: { brand: string | null; last4: string | null; exp_month: number | null; exp_year: number | null };
  } | null;
  receipt_email: string | null;
  refunded: boolean;
  statement_descriptor: string | null;
  status: 'succeeded' | 'pending' | 'failed';
}

/** The payment as its charge; `card` is the vault's summary of its card (brand, last four, expiry). */
export function chargeObject(row: PaymentRow, card: CardSummary | null): ChargeObject {
  const intentStatus = statusOfPayment(row);
  const failed = row.status === 'failed';
  const error = (row.lastPaymentError ?? null) as StoredError | null;
  const status = failed
    ? 'failed'
    : intentStatus === 'requires_action' || intentStatus === 'processing'
      ? 'pending'
      : 'succeeded';
  const received = Number(row.amountReceived);
  const refunded = Number(row.amountRefunded);
  const risk = {
    risk_level: stripeRiskLevel(row.riskLevel),
    risk_score: row.fraudScore === null ? null : Math.round(Number(row.fraudScore) * 100),
  };
  // Blocked by our fraud check: highest risk and declined as `fraudulent`
  // without a processor (lib/payments/confirm-payment-intent.ts).
  const blocked = failed && error?.decline_code === 'fraudulent' && risk.risk_level === 'highest';
  return {
    id: toPublicId('ch', row.id),
    object: 'charge',
    amount: Number(row.amount),
    amount_captured: received,
    amount_refunded: refunded,
    billing_details: null,
    captured: row.capturedAt !== null,
    created: seconds(row.authorizedAt ?? row.createdAt)!,
    currency: row.currency.toLowerCase(),
    customer: row.customerId ? toPublicId('cus', row.customerId) : null,
    description: row.description,
    disputed: row.status === 'disputed',
    failure_code: failed ? (error?.code ?? 'processing_error') : null,
    failure_message: failed ? (error?.message ?? null) : null,
    livemode: row.livemode,
    metadata: (row.metadata ?? {}) as Record<string, string>,
    outcome:
      status === 'pending'
        ? null
        : blocked
          ? {
              network_status: 'not_sent_to_network',
              reason: 'highest_risk_level',
              ...risk,
              seller_message: 'This payment was blocked as too risky.',
              type: 'blocked',
            }
          : failed
            ? {
                network_status:
                  error?.code === 'processing_error' ? 'not_sent_to_network' : 'declined_by_network',
                reason: error?.decline_code ?? null,
                ...risk,
                seller_message: 'The bank did not return any further details with this decline.',
                type: 'issuer_declined',
              }
            : {
                network_status: 'approved_by_network',
                reason: risk.risk_level === 'elevated' ? 'elevated_risk_level' : null,
                ...risk,
                seller_message: 'Payment complete.',
                type: 'authorized',
              },
    paid: status === 'succeeded',
    payment_intent: toPublicId('pi', row.id),
    payment_method: row.paymentMethodToken,
    payment_method_details: card
      ? {
          type: 'card',
          card: { brand: card.brand, last4: card.last4, exp_month: card.expMonth, exp_year: card.expYear },
        }
      : null,
    receipt_email: row.receiptEmail,
    refunded: received > 0 && refunded >= received,
    statement_descriptor: row.statementDescriptor,
    status,
  };
}

/**
 * chargeObject with the card looked up in the vault (plain columns, nothing
 * decrypted), unless the caller already holds its summary (`known`: confirm
 * has just read the vault row).
 */
export async function chargeObjectFor(
  tx: DbTx,
  scope: Scope,
  row: PaymentRow,
  known?: CardSummary,
): Promise<ChargeObject> {
  const token = row.paymentMethodToken;
  const card =
    known && known.token === token
      ? known
      : token
        ? ((await cardSummaries(tx, scope, [token])).get(token) ?? null)
        : null;
  return chargeObject(row, card);
}

/**
 * A change to the payment as its charge: the charge after it, and Stripe's
 * `previous_attributes` (the charge fields that changed, as they were).
 */
export async function chargeChange(tx: DbTx, scope: Scope, before: PaymentRow, after: PaymentRow) {
  const token = after.paymentMethodToken;
  const card = token ? ((await cardSummaries(tx, scope, [token])).get(token) ?? null) : null;
  const object = chargeObject(after, card);
  const previous = previousAttributes({ ...chargeObject(before, card) }, { ...object });
  return { object: { ...object }, ...(previous ? { previousAttributes: previous } : {}) };
}
