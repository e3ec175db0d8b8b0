import { amountInputValue, parseAmount } from '@/lib/money/currencies';
import { PaymentFormError } from './actor';

/** A typed amount in the payment's currency; blank means `fallback` (the whole amount). */
export function amountFromInput(field: string, text: string, currency: string, fallback: number): number {
  if (text === '') return fallback;
  const minor = parseAmount(text, currency);
  if (minor === null)
    throw new PaymentFormError(field, `Enter an amount such as ${amountInputValue(fallback, currency)}.`);
  if (minor <= 0) throw new PaymentFormError(field, 'Enter an amount greater than zero.');
  return minor;
}
