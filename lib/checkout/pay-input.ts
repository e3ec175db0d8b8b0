import { z } from 'zod';

/**
 * The pay form's fields, checked before anything is locked or sent: the
 * shape only (the card itself is checked by the vault, with Stripe's
 * messages). Messages are for the customer.
 */
export type PayField = 'email' | 'number' | 'expiry' | 'cvc' | 'name' | 'country' | 'postalCode';
export type PayErrors = Partial<Record<PayField, string>>;

export interface PayInput {
  sessionId: string;
  email: string;
  card: { number: string; expMonth: number; expYear: number; cvc: string };
  billing: { name: string; country: string; postalCode: string };
  clientIp: string | null;
}

/** Countries whose cards are checked against a postal code (as Stripe's form asks for one). */
const POSTAL_CODE_REQUIRED = new Set(['US', 'CA', 'GB']);

const email = z.email().max(255);

export function payInputErrors(input: PayInput): PayErrors {
  const errors: PayErrors = {};
  if (!email.safeParse(input.email.trim()).success) errors.email = 'Your email address is invalid.';
  const digits = input.card.number.replace(/[\s-]/g, '');
  if (digits === '') errors.number = 'Your card number is incomplete.';
  else if (!/^\d{12,19}$/.test(digits)) errors.number = 'Your card number is invalid.';
  const { expMonth, expYear } = input.card;
  if (!Number.isInteger(expMonth) || !Number.isInteger(expYear) || expMonth < 1 || expMonth > 12) {
    errors.expiry = "Your card's expiration date is incomplete.";
  }
  if (!/^\d{3,4}$/.test(input.card.cvc)) errors.cvc = "Your card's security code is incomplete.";
  const name = input.billing.name.trim();
  if (name === '') errors.name = 'Enter the name on your card.';
  else if (name.length > 200) errors.name = 'The name is too long.';
  const country = input.billing.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) errors.country = 'Choose your country.';
  const postal = input.billing.postalCode.trim();
  if (postal.length > 20) errors.postalCode = 'Your postal code is invalid.';
  else if (postal === '' && POSTAL_CODE_REQUIRED.has(country))
    errors.postalCode = 'Your postal code is incomplete.';
  return errors;
}

/** The vault's card errors (Stripe's codes) as the form's fields. */
export function fieldOfCardError(code: string | undefined): PayField {
  switch (code) {
    case 'invalid_expiry_month':
    case 'invalid_expiry_year':
    case 'expired_card':
      return 'expiry';
    case 'invalid_cvc':
    case 'incorrect_cvc':
      return 'cvc';
    default:
      return 'number';
  }
}
