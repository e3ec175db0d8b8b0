import { describe, expect, it } from 'vitest';
import { TEST_CARDS } from '@/lib/cards/test-cards';
import {
  caretAfterDigits,
  fieldError,
  formatCardNumber,
  formatExpiry,
  parseExpiry,
  validateCardForm,
  type CardFormValues,
} from './card-fields';

const now = new Date('2026-11-21T12:00:00Z');
const valid: CardFormValues = {
  email: 'jo@example.com',
  number: '4242 4242 4242 4242',
  expiry: '12 / 30',
  cvc: '123',
  name: 'Jo Doe',
  country: 'US',
  postalCode: '94107',
};

describe('formatCardNumber', () => {
  it.each([
    ['4242424242424242', '4242 4242 4242 4242'],
    ['4242 42', '4242 42'],
    ['378282246310005', '3782 822463 10005'],
    ['3782822463100059999', '3782 822463 10005'],
    ['36227206271667', '3622 720627 1667'],
    ['5555555555554444999', '5555 5555 5555 4444'],
    ['4242-4242a4242', '4242 4242 4242'],
    ['4242424242424242424', '4242 4242 4242 4242 424'],
  ])('%s → %s', (input, out) => expect(formatCardNumber(input)).toBe(out));

  it('puts the caret after the same digits', () => {
    expect(caretAfterDigits('4242 4242', 4)).toBe(4);
    expect(caretAfterDigits('4242 4242', 5)).toBe(6);
    expect(caretAfterDigits('4242 4242', 0)).toBe(0);
  });
});

describe('expiry', () => {
  it.each([
    ['1', '1'],
    ['4', '04'],
    ['12', '12'],
    ['122', '12 / 2'],
    ['1228', '12 / 28'],
    ['12 / 289', '12 / 28'],
  ])('%s → %s', (input, out) => expect(formatExpiry(input)).toBe(out));
  it('parses MM / YY', () => {
    expect(parseExpiry('12 / 28')).toEqual({ month: 12, year: 2028 });
    expect(parseExpiry('1228')).toEqual({ month: 12, year: 2028 });
    expect(parseExpiry('1 / 28')).toBeNull();
  });
});

describe('validateCardForm', () => {
  it('accepts a complete form and every test card', () => {
    expect(validateCardForm(valid, now)).toEqual({});
    for (const card of TEST_CARDS) {
      const cvc = card.brand === 'amex' ? '1234' : '123';
      expect(
        validateCardForm({ ...valid, number: formatCardNumber(card.number), cvc }, now),
        card.number,
      ).toEqual({});
    }
  });

  it('says what is wrong with each field', () => {
    const errors = validateCardForm(
      {
        email: 'jo@',
        number: '4242 4242 4242 4241',
        expiry: '10 / 26',
        cvc: '12',
        name: ' ',
        country: '',
        postalCode: '',
      },
      now,
    );
    expect(errors).toEqual({
      email: 'Enter a valid email address, like name@example.com.',
      number: 'Your card number is invalid.',
      expiry: 'Your card’s expiry date is in the past.',
      cvc: 'Your card’s security code has 3 digits.',
      name: 'Enter the name on the card.',
      country: 'Choose your country.',
    });
  });

  it('incomplete numbers, Amex CVCs, months, ZIP codes', () => {
    expect(fieldError('number', { ...valid, number: '4242 4242' }, now)).toBe(
      'Your card number is incomplete.',
    );
    expect(fieldError('number', { ...valid, number: '' }, now)).toBe('Enter your card number.');
    expect(fieldError('cvc', { ...valid, number: '378282246310005', cvc: '123' }, now)).toBe(
      'Your card’s security code has 4 digits.',
    );
    expect(fieldError('expiry', { ...valid, expiry: '13 / 30' }, now)).toBe(
      'Your card’s expiry month is invalid.',
    );
    expect(fieldError('expiry', { ...valid, expiry: '11 / 26' }, now)).toBeUndefined();
    expect(fieldError('expiry', { ...valid, expiry: '12' }, now)).toBe(
      'Your card’s expiry date is incomplete.',
    );
    expect(fieldError('postalCode', { ...valid, postalCode: 'ABC' }, now)).toBe('Enter a 5-digit ZIP code.');
    expect(
      fieldError('postalCode', { ...valid, country: 'GB', postalCode: 'SW1A 1AA' }, now),
    ).toBeUndefined();
    expect(fieldError('postalCode', { ...valid, country: 'HK', postalCode: '' }, now)).toBeUndefined();
    expect(fieldError('postalCode', { ...valid, country: 'GB', postalCode: '' }, now)).toBe(
      'Enter your postal code.',
    );
  });
});
