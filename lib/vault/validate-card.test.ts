import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { validateCard } from './validate-card';

const now = new Date('2026-06-15T00:00:00Z');

function failure(input: Parameters<typeof validateCard>[0]) {
  try {
    validateCard(input, now);
  } catch (err) {
    if (err instanceof ApiError)
      return { status: err.status, type: err.type, ...err.options, message: err.message };
    throw err;
  }
  throw new Error('expected a failure');
}

describe('validateCard', () => {
  it('accepts a valid card, spaces included, and reads two-digit years as 20xx', () => {
    expect(
      validateCard({ number: '4242 4242 4242 4242', expMonth: 8, expYear: 30, cvc: '314' }, now),
    ).toEqual({
      number: '4242424242424242',
      expMonth: 8,
      expYear: 2030,
      cvc: '314',
      brand: 'visa',
      last4: '4242',
    });
  });

  it.each([
    [{ number: '4242424242424241', expMonth: 8, expYear: 2030 }, 'incorrect_number', 'card[number]'],
    [{ number: '42424242424242', expMonth: 8, expYear: 2030 }, 'incorrect_number', 'card[number]'],
    [{ number: '4242abcd', expMonth: 8, expYear: 2030 }, 'invalid_number', 'card[number]'],
    [{ number: '4242424242424242', expMonth: 13, expYear: 2030 }, 'invalid_expiry_month', 'card[exp_month]'],
    [{ number: '4242424242424242', expMonth: 5, expYear: 2026 }, 'invalid_expiry_month', 'card[exp_month]'],
    [{ number: '4242424242424242', expMonth: 8, expYear: 2025 }, 'invalid_expiry_year', 'card[exp_year]'],
    [{ number: '4242424242424242', expMonth: 8, expYear: 2030, cvc: '12' }, 'invalid_cvc', 'card[cvc]'],
    [{ number: '378282246310005', expMonth: 8, expYear: 2030, cvc: '123' }, 'invalid_cvc', 'card[cvc]'],
  ])('%j → 402 %s on %s', (input, code, param) => {
    const f = failure(input);
    expect(f).toMatchObject({ status: 402, type: 'card_error', code, param });
    expect(f.message).not.toContain(input.number);
  });

  it('a missing field is a 400 parameter_missing', () => {
    expect(failure({ number: '4242424242424242', expMonth: 8 })).toMatchObject({
      status: 400,
      code: 'parameter_missing',
      param: 'card[exp_year]',
    });
  });
});
