import { cardBrand, cvcLength, validLengthForBrand, type CardBrand } from '@/lib/cards/brand';
import { expiryProblem } from '@/lib/cards/expiry';
import { luhnValid } from '@/lib/cards/luhn';

/**
 * The checkout card form's fields as a person types them: spacing, the brand,
 * and a readable message per field. Shared by the form's script (in the
 * browser, so it imports nothing from Node) and by the pay endpoint
 * (pay-form.ts), which checks the same rules again before anything reaches
 * the pay use case.
 */
export type CardFieldName = 'email' | 'number' | 'expiry' | 'cvc' | 'name' | 'country' | 'postalCode';

export interface CardFormValues {
  email: string;
  number: string;
  expiry: string;
  cvc: string;
  name: string;
  country: string;
  postalCode: string;
}

export type CardFieldErrors = Partial<Record<CardFieldName, string>>;

export const onlyDigits = (value: string): string => value.replace(/\D/g, '');

/** Where the spaces go: Amex 4-6-5, 14-digit Diners 4-6-4, everyone else groups of four. */
function groups(brand: CardBrand, length: number): number[] {
  if (brand === 'amex') return [4, 6, 5];
  if (brand === 'diners' && length <= 14) return [4, 6, 4];
  return [4, 4, 4, 4, 3];
}

/** The most digits a number of this brand can have (19 for unknown brands). */
export function maxCardDigits(brand: CardBrand): number {
  if (brand === 'amex') return 15;
  if (brand === 'mastercard') return 16;
  return 19;
}

/** `4242424242424242` → `4242 4242 4242 4242`; `378282246310005` → `3782 822463 10005`. */
export function formatCardNumber(input: string): string {
  const brand = cardBrand(onlyDigits(input));
  const digits = onlyDigits(input).slice(0, maxCardDigits(brand));
  const parts: string[] = [];
  let at = 0;
  for (const size of groups(brand, digits.length)) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

/** The caret position in `formatted` that follows the same number of digits as `digitsBefore`. */
export function caretAfterDigits(formatted: string, digitsBefore: number): number {
  if (digitsBefore <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (/\d/.test(formatted[i]!)) seen++;
    if (seen === digitsBefore) return i + 1;
  }
  return formatted.length;
}

/** `1` → `1`, `4` → `04`, `1228` → `12 / 28`. A leading 2–9 can only be a month 02–09. */
export function formatExpiry(input: string): string {
  let digits = onlyDigits(input);
  if (/^[2-9]/.test(digits)) digits = `0${digits}`;
  digits = digits.slice(0, 4);
  return digits.length <= 2 ? digits : `${digits.slice(0, 2)} / ${digits.slice(2)}`;
}

/** `12 / 28` → month 12, year 2028; null unless it is MM and YY. */
export function parseExpiry(value: string): { month: number; year: number } | null {
  const match = /^\s*(\d{2})\s*\/?\s*(\d{2})\s*$/.exec(value);
  if (!match) return null;
  return { month: Number(match[1]), year: 2000 + Number(match[2]) };
}

/**
 * Countries whose cards are checked against a postal code: required there,
 * optional elsewhere. The same list as the pay use case (lib/checkout/pay-input.ts),
 * which cannot be imported here (it brings zod into the browser bundle).
 */
const POSTAL_CODE_REQUIRED = new Set(['US', 'CA', 'GB']);

export function postalCodeRequired(country: string): boolean {
  return POSTAL_CODE_REQUIRED.has(country);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The message for one field, or undefined when it is fine. `now` decides whether an expiry is past. */
export function fieldError(field: CardFieldName, values: CardFormValues, now: Date): string | undefined {
  switch (field) {
    case 'email': {
      const email = values.email.trim();
      if (!email) return 'Enter your email address.';
      if (email.length > 254 || !EMAIL.test(email))
        return 'Enter a valid email address, like name@example.com.';
      return undefined;
    }
    case 'number': {
      const digits = onlyDigits(values.number);
      if (!digits) return 'Enter your card number.';
      const brand = cardBrand(digits);
      if (digits.length < maxCardDigits(brand) && !validLengthForBrand(digits, brand))
        return 'Your card number is incomplete.';
      if (!validLengthForBrand(digits, brand) || !luhnValid(digits)) return 'Your card number is invalid.';
      return undefined;
    }
    case 'expiry': {
      if (!values.expiry.trim()) return 'Enter the expiry date (MM / YY).';
      const parsed = parseExpiry(values.expiry);
      if (!parsed) return 'Your card’s expiry date is incomplete.';
      const problem = expiryProblem(parsed.month, parsed.year, now);
      if (problem === 'invalid_expiry_month' && (parsed.month < 1 || parsed.month > 12))
        return 'Your card’s expiry month is invalid.';
      if (problem)
        return parsed.year > now.getUTCFullYear() + 50
          ? 'Your card’s expiry year is invalid.'
          : 'Your card’s expiry date is in the past.';
      return undefined;
    }
    case 'cvc': {
      const cvc = values.cvc.trim();
      if (!cvc) return 'Enter the security code (CVC).';
      const lengths = cvcLength(cardBrand(onlyDigits(values.number)));
      if (!/^\d+$/.test(cvc) || !lengths.includes(cvc.length))
        return lengths.length === 1
          ? `Your card’s security code has ${lengths[0]} digits.`
          : 'Your card’s security code is incomplete.';
      return undefined;
    }
    case 'name':
      if (!values.name.trim()) return 'Enter the name on the card.';
      if (values.name.trim().length > 200) return 'Use at most 200 characters.';
      return undefined;
    case 'country':
      return /^[A-Z]{2}$/.test(values.country) ? undefined : 'Choose your country.';
    case 'postalCode': {
      const postal = values.postalCode.trim();
      if (!postal) return postalCodeRequired(values.country) ? 'Enter your postal code.' : undefined;
      if (values.country === 'US' && !/^\d{5}(-?\d{4})?$/.test(postal)) return 'Enter a 5-digit ZIP code.';
      if (!/^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/.test(postal)) return 'Enter a valid postal code.';
      return undefined;
    }
  }
}

/** Each field's label: the form's HTML and the script's announcements ("Card number: …") agree. */
export const FIELD_LABELS: Record<CardFieldName, string> = {
  email: 'Email',
  number: 'Card number',
  expiry: 'Expiry date',
  cvc: 'Security code',
  name: 'Name on card',
  country: 'Country or region',
  postalCode: 'Postal code',
};

export const CARD_FIELDS: readonly CardFieldName[] = [
  'email',
  'number',
  'expiry',
  'cvc',
  'name',
  'country',
  'postalCode',
];

export function validateCardForm(values: CardFormValues, now: Date): CardFieldErrors {
  const errors: CardFieldErrors = {};
  for (const field of CARD_FIELDS) {
    const message = fieldError(field, values, now);
    if (message) errors[field] = message;
  }
  return errors;
}

/** What the form shows beside the number: Stripe's brand, in words. */
export const BRAND_LABELS: Record<CardBrand, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  jcb: 'JCB',
  diners: 'Diners Club',
  unionpay: 'UnionPay',
  unknown: '',
};
