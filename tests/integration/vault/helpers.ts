import { luhnCheckDigit } from '@/lib/cards/luhn';

export { actorForNewMerchant, merchantWithKey, newKey, rejection } from '../api/helpers';

/** A random Luhn-valid 16-digit Visa number that is not one of Stripe's test cards. */
export function randomVisa(): string {
  let partial = '4';
  while (partial.length < 15) partial += String(Math.floor(Math.random() * 10));
  return partial + luhnCheckDigit(partial);
}

export const EXP = { exp_month: 12, exp_year: new Date().getUTCFullYear() + 3 };
