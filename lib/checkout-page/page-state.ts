/**
 * Small decisions of the checkout page that deserve tests: which country the
 * form starts on, what an earlier unfinished payment means for the customer,
 * and how long after paying a return to the page still redirects.
 */

/** A receipt this fresh sends the customer on to success_url (they are mid-flow, e.g. back from 3-D Secure). */
export const RECENT_PAYMENT_MS = 2 * 60_000;

/** The region of the customer's first language with one (`en-GB,en;q=0.8` → GB), else empty (they choose). */
export function defaultCountry(acceptLanguage: string | null): string {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const match = /^\s*[a-z]{2,3}-([A-Z]{2})\b/i.exec(part);
    if (match) return match[1]!.toUpperCase();
  }
  return '';
}

export interface PaymentSummary {
  status: string;
  challengeUrl: string | null;
  /** The last attempt's failure, as the pay use case wrote it for the customer. */
  errorMessage: string | null;
}

/**
 * The message an open session shows above its form when an earlier attempt
 * did not finish: a 3-D Secure step left open, or one that failed (the intent
 * is back to requires_payment_method). Null when there is nothing to say.
 */
export function paymentNotice(payment: PaymentSummary | null): string | null {
  if (!payment) return null;
  if (payment.status === 'requires_action')
    return 'Your bank’s verification was not completed. Please try again, or use another card.';
  if (payment.status === 'requires_payment_method' || payment.status === 'canceled')
    return `${payment.errorMessage ?? 'Your previous payment attempt did not go through.'} Please try again, or use another card.`;
  return null;
}
