import type { PaymentRow } from '../repository';
import { intentStatus, type IntentStatus } from '../status';

/**
 * The status the dashboard shows: Stripe's PaymentIntent status, told apart
 * further where Stripe's dashboard does so too: a declined payment is
 * "failed" (the API says requires_payment_method), a refunded one
 * "refunded" or "partially refunded" (the API says succeeded).
 */
export type DisplayStatus = IntentStatus | 'failed' | 'refunded' | 'partially_refunded' | 'disputed';

export function displayStatus(
  row: Pick<PaymentRow, 'status' | 'paymentMethodToken' | 'nextAction' | 'amountRefunded'>,
): DisplayStatus {
  if (row.status === 'failed') return 'failed';
  if (row.status === 'refunded') return 'refunded';
  if (row.status === 'disputed') return 'disputed';
  const status = intentStatus({
    status: row.status,
    hasPaymentMethod: row.paymentMethodToken !== null,
    hasNextAction: row.nextAction !== null,
  });
  return status === 'succeeded' && row.amountRefunded > 0n ? 'partially_refunded' : status;
}
