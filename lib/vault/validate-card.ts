import { ApiError, invalidRequest } from '@/lib/api/errors';
import { cardBrand, cvcLength, validLengthForBrand, type CardBrand } from '@/lib/cards/brand';
import { expiryProblem, normalizeExpYear } from '@/lib/cards/expiry';
import { luhnValid } from '@/lib/cards/luhn';

/**
 * Stripe answers a bad card with 402 card_error naming the field, so the SDK
 * raises StripeCardError with `code` and `param`. Messages are Stripe's and
 * never repeat what was sent.
 */
const cardError = (code: string, message: string, param: string) =>
  new ApiError(402, 'card_error', message, { code, param });

export interface ValidCard {
  number: string;
  expMonth: number;
  expYear: number;
  cvc?: string;
  brand: CardBrand;
  last4: string;
}

export interface CardInput {
  number?: string;
  expMonth?: number;
  expYear?: number;
  cvc?: string;
}

export function validateCard(input: CardInput, now: Date): ValidCard {
  if (input.number === undefined) throw missing('card[number]');
  // Spaces and dashes are how people type card numbers; nothing else is allowed.
  const number = input.number.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(number) || number.length < 12 || number.length > 19) {
    throw cardError('invalid_number', 'The card number is not a valid credit card number.', 'card[number]');
  }
  const brand = cardBrand(number);
  if (!luhnValid(number) || !validLengthForBrand(number, brand)) {
    throw cardError('incorrect_number', 'Your card number is incorrect.', 'card[number]');
  }
  if (input.expMonth === undefined) throw missing('card[exp_month]');
  if (input.expYear === undefined) throw missing('card[exp_year]');
  const problem = expiryProblem(input.expMonth, input.expYear, now);
  if (problem === 'invalid_expiry_month') {
    throw cardError(problem, "Your card's expiration month is invalid.", 'card[exp_month]');
  }
  if (problem === 'invalid_expiry_year') {
    throw cardError(problem, "Your card's expiration year is invalid.", 'card[exp_year]');
  }
  if (input.cvc !== undefined && (!/^\d+$/.test(input.cvc) || !cvcLength(brand).includes(input.cvc.length))) {
    throw cardError('invalid_cvc', "Your card's security code is invalid.", 'card[cvc]');
  }
  return {
    number,
    expMonth: input.expMonth,
    expYear: normalizeExpYear(input.expYear),
    ...(input.cvc !== undefined ? { cvc: input.cvc } : {}),
    brand,
    last4: number.slice(-4),
  };
}

function missing(param: string) {
  return invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
}
