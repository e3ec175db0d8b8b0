import { randomUUID } from 'node:crypto';
import { invalidRequest, parameterInvalid, parameterMissing } from '@/lib/api/errors';
import { initialMetadata } from '@/lib/api/params';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import { formatAmount, minimumChargeAmount, normalizeCurrency } from '@/lib/money/currencies';
import { customerIdFor } from '@/lib/payments/resolve-references';
import { imageUrlProblem, redirectUrlProblem } from './redirect-url';
import { insertLineItems, insertSession, type Scope, type SessionRow } from './repository';
import { MAX_TOTAL, type CreateCheckoutSessionParams } from './schemas';

export const MIN_EXPIRY_SECONDS = 30 * 60;
export const MAX_EXPIRY_SECONDS = 24 * 60 * 60;

/** What the PaymentIntent of the session is created with (stored as payment_intent_data). */
export interface StoredPaymentIntentData {
  capture_method?: 'automatic' | 'manual';
  description?: string;
  metadata?: Record<string, string>;
}

function checkUrl(param: string, value: string, livemode: boolean) {
  const problem = redirectUrlProblem(value, livemode);
  if (problem) throw parameterInvalid(param, `Invalid URL: ${param} ${problem}.`, 'url_invalid');
}

/**
 * POST /v1/checkout/sessions: validates everything before writing, then
 * inserts the session and its line items in the request's transaction.
 * The PaymentIntent is created on the customer's first pay attempt
 * (pay-checkout-session.ts), as Stripe creates it lazily too.
 */
export async function createCheckoutSession(
  tx: DbTx,
  scope: Scope,
  params: CreateCheckoutSessionParams,
): Promise<SessionRow> {
  const mode = params.mode ?? 'payment';
  if (mode !== 'payment') {
    throw parameterInvalid(
      'mode',
      `Invalid mode: ${mode.slice(0, 20)}. Only \`payment\` Checkout Sessions are supported here (no subscriptions or setup).`,
    );
  }
  if (params.customer !== undefined && params.customer_email !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: customer, customer_email.', {
      code: 'parameter_invalid',
      param: 'customer_email',
    });
  }
  checkUrl('success_url', params.success_url, scope.livemode);
  if (params.cancel_url !== undefined) checkUrl('cancel_url', params.cancel_url, scope.livemode);

  const items = params.line_items.map((item, i) => {
    if (item.price !== undefined) {
      throw parameterInvalid(
        `line_items[${i}][price]`,
        'Prices (`price_…`) are not supported here: describe the line with `price_data` instead.',
      );
    }
    if (!item.price_data) throw parameterMissing(`line_items[${i}][price_data]`);
    return { price_data: item.price_data, quantity: item.quantity };
  });

  // One currency per session, supported, and a total within the charge limits.
  const first = items[0]!.price_data.currency;
  const currency = normalizeCurrency(first);
  if (!currency) {
    throw parameterInvalid(
      'line_items[0][price_data][currency]',
      `Invalid currency: ${first.toLowerCase()}.`,
    );
  }
  let total = 0;
  items.forEach((item, i) => {
    const p = `line_items[${i}][price_data]`;
    if (item.price_data.currency !== currency) {
      throw parameterInvalid(
        `${p}[currency]`,
        'All line items of a Checkout Session must use the same currency.',
        'checkout_currency_mismatch',
      );
    }
    (item.price_data.product_data.images ?? []).forEach((image, j) => {
      const problem = imageUrlProblem(image);
      if (problem) {
        throw parameterInvalid(
          `${p}[product_data][images][${j}]`,
          `Invalid URL: the image ${problem}.`,
          'url_invalid',
        );
      }
    });
    if (item.price_data.product_data.name.trim() === '') {
      throw parameterInvalid(`${p}[product_data][name]`, 'The product name may not be blank.');
    }
    total += item.price_data.unit_amount * item.quantity;
    // Checked as it grows, so the sum never leaves the safe-integer range.
    if (total > MAX_TOTAL) {
      throw invalidRequest(
        `The Checkout Session's total amount due must be at most ${formatAmount(MAX_TOTAL, currency)}.`,
        { code: 'amount_too_large', param: 'line_items' },
      );
    }
  });
  const minimum = minimumChargeAmount(currency) ?? 1;
  if (total < minimum) {
    throw invalidRequest(
      `The Checkout Session's total amount due must add up to at least ${formatAmount(minimum, currency)}.`,
      { code: 'amount_too_small', param: 'line_items' },
    );
  }

  const now = clock.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const expiresAt = params.expires_at ?? nowSeconds + MAX_EXPIRY_SECONDS;
  if (expiresAt < nowSeconds + MIN_EXPIRY_SECONDS || expiresAt > nowSeconds + MAX_EXPIRY_SECONDS) {
    throw parameterInvalid(
      'expires_at',
      'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
    );
  }

  const customerId = params.customer !== undefined ? await customerIdFor(tx, scope, params.customer) : null;
  const pid = params.payment_intent_data;
  const paymentIntentData: StoredPaymentIntentData = {
    ...(pid?.capture_method ? { capture_method: pid.capture_method } : {}),
    ...(pid?.description !== undefined ? { description: pid.description } : {}),
    ...(pid?.metadata ? { metadata: initialMetadata(pid.metadata) } : {}),
  };
  const id = randomUUID();
  const row = await insertSession(tx, {
    id,
    merchantId: scope.merchantId,
    livemode: scope.livemode,
    currency,
    amountSubtotal: BigInt(total),
    amountTotal: BigInt(total),
    customerId,
    customerEmail: params.customer_email ?? null,
    successUrl: params.success_url,
    cancelUrl: params.cancel_url ?? null,
    expiresAt: new Date(expiresAt * 1000),
    metadata: initialMetadata(params.metadata),
    paymentIntentData: { ...paymentIntentData },
    createdAt: now,
    updatedAt: now,
  });
  await insertLineItems(
    tx,
    items.map((item, position) => {
      const amount = BigInt(item.price_data.unit_amount * item.quantity);
      return {
        sessionId: id,
        position,
        name: item.price_data.product_data.name,
        description: item.price_data.product_data.description ?? null,
        images: item.price_data.product_data.images ?? [],
        currency,
        unitAmount: BigInt(item.price_data.unit_amount),
        quantity: item.quantity,
        amountSubtotal: amount,
        amountTotal: amount,
        createdAt: now,
      };
    }),
  );
  return row;
}
