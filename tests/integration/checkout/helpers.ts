import type Stripe from 'stripe';
import type { PayInput } from '@/lib/checkout';

export const CARDS = {
  visa: '4242424242424242',
  insufficientFunds: '4000000000009995',
  declined: '4000000000000002',
  incorrectCvc: '4000000000000127',
  threeDSecure: '4000002500003155',
} as const;

/** A session of two line items totalling 3500 usd cents. */
export function sessionParams(
  over: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    line_items: [
      {
        price_data: {
          currency: 'usd',
          unit_amount: 1500,
          product_data: { name: 'T-shirt', description: 'Cotton', images: ['https://example.com/t.png'] },
        },
        quantity: 2,
      },
      { price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Sticker' } }, quantity: 1 },
    ],
    success_url: 'https://shop.example/thanks?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://shop.example/cart',
    ...over,
  };
}

export function payInput(
  sessionId: string,
  number: string = CARDS.visa,
  over: Partial<PayInput> = {},
): PayInput {
  return {
    sessionId,
    email: 'buyer@example.com',
    card: { number, expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvc: '123' },
    billing: { name: 'Ada Buyer', country: 'US', postalCode: '94107' },
    clientIp: '203.0.113.7',
    ...over,
  };
}
