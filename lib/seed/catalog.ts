/**
 * The fixed vocabularies of generated history: status mix, gateway responses,
 * refund reasons, dispute outcomes and fraud-log wording.
 */

export const STATUSES = [
  'succeeded',
  'failed',
  'refunded',
  'disputed',
  'authorized',
  'cancelled',
  'pending',
] as const;
export type TxnStatus = (typeof STATUSES)[number];

/** Percent of all transactions per status, in STATUSES order (sums to 100). */
export const STATUS_WEIGHTS = [85, 8, 4, 1, 0.8, 0.6, 0.6] as const;

export const DISPUTE_STATUSES = ['open', 'under_review', 'won', 'lost', 'warning_closed'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_STATUS_WEIGHTS = [30, 25, 20, 20, 5] as const;

/** Decline codes for failed payments (Stripe's vocabulary); "fraudulent" is reserved for blocked fraud. */
export const DECLINES = [
  'insufficient_funds',
  'do_not_honor',
  'expired_card',
  'incorrect_cvc',
  'card_declined',
] as const;

/** gateway_response JSON per response key (a status or a decline code). */
export const RESPONSES: Record<string, string> = {
  succeeded: '{"code":"approved","message":"Approved"}',
  refunded: '{"code":"approved","message":"Approved"}',
  disputed: '{"code":"approved","message":"Approved"}',
  authorized: '{"code":"approved","message":"Approved","captured":false}',
  cancelled: '{"code":"voided","message":"Authorization voided"}',
  pending: '{"code":"processing","message":"Awaiting gateway confirmation"}',
  insufficient_funds:
    '{"code":"card_declined","decline_code":"insufficient_funds","message":"Insufficient funds"}',
  do_not_honor: '{"code":"card_declined","decline_code":"do_not_honor","message":"Do not honor"}',
  expired_card: '{"code":"expired_card","decline_code":"expired_card","message":"Card expired"}',
  incorrect_cvc: '{"code":"incorrect_cvc","decline_code":"incorrect_cvc","message":"CVC check failed"}',
  card_declined: '{"code":"card_declined","decline_code":"generic_decline","message":"Card declined"}',
  fraudulent: '{"code":"card_declined","decline_code":"fraudulent","message":"Blocked by risk engine"}',
};

export const REFUND_REASONS = [
  'requested_by_customer',
  'requested_by_customer',
  'requested_by_customer',
  'duplicate',
] as const;

/** Visa chargeback reason codes: fraud (10.4) is used when the fraud log confirms fraud. */
export const REASON_CODES = ['13.1', '13.3', '12.6.1', '13.2', '10.4'] as const;

export const DISPUTE_RESPONSES = [
  'Order delivered; carrier tracking and signed proof of delivery attached.',
  'Customer was refunded separately; receipt attached.',
  'Item matches the product description; photos and listing attached.',
  'Subscription cancellation was never requested; account activity log attached.',
] as const;

export const DISPUTE_EVIDENCE =
  '{"customer_communication":"email thread","shipping_documentation":"tracking number"}';

export const FRAUD_DETAILS = [
  'Velocity: several cards tried from one device within 10 minutes',
  'Billing country differs from card issuing country',
  'IP address on a known proxy list',
  'Email address created minutes before purchase',
  "Amount far above this customer's usual basket",
  'Card BIN associated with recent chargebacks',
] as const;
