import { describe, expect, it } from 'vitest';
import { defaultCountry, paymentNotice } from './page-state';

describe('defaultCountry', () => {
  it.each([
    ['en-GB,en;q=0.8', 'GB'],
    ['fr, de-DE;q=0.7', 'DE'],
    ['en', ''],
    ['', ''],
    [null, ''],
    ['zh-Hant-TW', ''],
  ])('%s → %s', (header, country) => expect(defaultCountry(header)).toBe(country));
});

describe('paymentNotice', () => {
  it('says nothing without an earlier attempt or after success', () => {
    expect(paymentNotice(null)).toBeNull();
    expect(paymentNotice({ status: 'succeeded', challengeUrl: null, errorMessage: null })).toBeNull();
  });
  it('passes on the failure the pay use case recorded', () => {
    expect(
      paymentNotice({
        status: 'requires_payment_method',
        challengeUrl: null,
        errorMessage: 'We are unable to authenticate your payment method.',
      }),
    ).toBe('We are unable to authenticate your payment method. Please try again, or use another card.');
  });
  it('explains an unfinished or failed attempt', () => {
    expect(
      paymentNotice({ status: 'requires_action', challengeUrl: '/authenticate/pi_1', errorMessage: null }),
    ).toMatch(/verification was not completed/);
    expect(
      paymentNotice({ status: 'requires_payment_method', challengeUrl: null, errorMessage: null }),
    ).toMatch(/did not go through/);
  });
});
