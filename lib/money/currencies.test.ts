import { describe, expect, it } from 'vitest';
import {
  amountInputValue,
  CURRENCIES,
  exponent,
  formatAmount,
  isCurrency,
  minimumChargeAmount,
  normalizeCurrency,
  parseAmount,
} from './currencies';

describe('currencies', () => {
  it('knows the zero-decimal currencies', () => {
    for (const c of ['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'XOF', 'XAF', 'PYG', 'UGX', 'BIF', 'RWF'])
      expect(exponent(c), c).toBe(0);
  });

  it('knows the three-decimal currencies', () => {
    for (const c of ['KWD', 'BHD', 'JOD', 'OMR', 'TND', 'IQD', 'LYD']) expect(exponent(c), c).toBe(3);
  });

  it('gives two decimals to the common ones, and accepts lower case as Stripe sends it', () => {
    for (const c of ['USD', 'EUR', 'GBP', 'CHF', 'INR', 'BRL', 'HUF', 'TWD']) expect(exponent(c), c).toBe(2);
    expect(exponent('usd')).toBe(2);
    expect(exponent('CLF')).toBe(4);
  });

  it('refuses unknown codes', () => {
    expect(isCurrency('USD')).toBe(true);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('XXX')).toBe(false);
    expect(isCurrency('HRK')).toBe(false); // replaced by EUR in 2023
    expect(() => exponent('ABC')).toThrow(/unknown currency/);
    expect(normalizeCurrency('jpy')).toBe('JPY');
    expect(normalizeCurrency('zzz')).toBeNull();
  });

  it('lists each code once, all of three upper-case letters', () => {
    expect(new Set(CURRENCIES).size).toBe(CURRENCIES.length);
    expect(CURRENCIES.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
    expect(CURRENCIES.length).toBeGreaterThan(150);
  });

  it('formats minor units without floating point', () => {
    expect(formatAmount(123456, 'USD')).toBe('$1,234.56');
    expect(formatAmount(5, 'usd')).toBe('$0.05');
    expect(formatAmount(-250, 'EUR')).toBe('-€2.50');
    expect(formatAmount(5000, 'JPY')).toBe('¥5,000');
    expect(formatAmount(1234, 'KWD')).toBe('KWD\u00a01.234');
    expect(formatAmount(9_007_199_254_740_993n, 'USD')).toBe('$90,071,992,547,409.93');
    expect(formatAmount(0, 'GBP')).toBe('£0.00');
  });

  it('has Stripe minimum charge amounts for the main currencies', () => {
    expect(minimumChargeAmount('usd')).toBe(50);
    expect(minimumChargeAmount('JPY')).toBe(50);
    expect(minimumChargeAmount('VND')).toBeNull();
  });
});

describe('parseAmount / amountInputValue', () => {
  it('reads major units into minor units by the currency exponent', () => {
    expect(parseAmount('12.34', 'USD')).toBe(1234);
    expect(parseAmount('12', 'usd')).toBe(1200);
    expect(parseAmount('12.3', 'USD')).toBe(1230);
    expect(parseAmount(' 0.01 ', 'USD')).toBe(1);
    expect(parseAmount('500', 'JPY')).toBe(500);
    expect(parseAmount('1.234', 'KWD')).toBe(1234);
  });

  it('refuses what is not a plain amount', () => {
    for (const bad of ['', '-1', '1,000.00', '1e3', '12.345', 'abc', '.5', '1.2.3'])
      expect(parseAmount(bad, 'USD')).toBeNull();
    expect(parseAmount('5.5', 'JPY')).toBeNull();
  });

  it('writes minor units back as the text parseAmount reads', () => {
    expect(amountInputValue(1234, 'USD')).toBe('12.34');
    expect(amountInputValue(5, 'USD')).toBe('0.05');
    expect(amountInputValue(500, 'JPY')).toBe('500');
    for (const n of [0, 1, 99, 100, 123456]) expect(parseAmount(amountInputValue(n, 'EUR'), 'EUR')).toBe(n);
  });
});
