import { describe, expect, it } from 'vitest';
import { TEST_CARDS } from './test-cards';
import { cardBrand, cvcLength, displayBrand, validLengthForBrand } from './brand';

describe('cardBrand', () => {
  it.each([
    ['4242424242424242', 'visa'],
    ['4222222222222', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['5105105105105100', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['2720990000000007', 'mastercard'],
    ['378282246310005', 'amex'],
    ['371449635398431', 'amex'],
    ['6011111111111117', 'discover'],
    ['6445644564456445', 'discover'],
    ['6500000000000002', 'discover'],
    ['3566002020360505', 'jcb'],
    ['3528000000000007', 'jcb'],
    ['3056930009020004', 'diners'],
    ['36227206271667', 'diners'],
    ['3095000000000002', 'diners'],
    ['38520000023237', 'diners'],
    ['6200000000000005', 'unionpay'],
    ['6205500000000000004', 'unionpay'],
    ['8100000000000000', 'unionpay'],
    ['2220990000000000', 'unknown'],
    ['2721000000000000', 'unknown'],
    ['1000000000000', 'unknown'],
    ['9999999999999995', 'unknown'],
  ])('%s is %s', (number, brand) => {
    expect(cardBrand(number)).toBe(brand);
  });

  it('agrees with the brand of every Stripe test card', () => {
    for (const card of TEST_CARDS) expect(cardBrand(card.number), card.number).toBe(card.brand);
  });
});

describe('validLengthForBrand', () => {
  it.each([
    ['4242424242424242', true],
    ['4222222222222', true],
    ['4242424242424242424', true],
    ['42424242424242', false],
    ['378282246310005', true],
    ['3782822463100050', false],
    ['555555555555444', false],
    ['36227206271667', true],
    ['6205500000000000004', true],
    ['99999999999', false],
    ['999999999999', true],
    ['99999999999999999999', false],
  ])('%s → %s', (number, ok) => {
    expect(validLengthForBrand(number)).toBe(ok);
  });
});

describe('cvcLength and displayBrand', () => {
  it('amex prints four digits, the rest three', () => {
    expect(cvcLength('amex')).toEqual([4]);
    expect(cvcLength('visa')).toEqual([3]);
  });
  it('uses Stripe display names', () => {
    expect(displayBrand('amex')).toBe('american_express');
    expect(displayBrand('unknown')).toBe('other');
  });
});
