import { describe, expect, it } from 'vitest';
import { allows, intentStatus, SEED_STATUSES, type IntentStatus } from './status';

describe('seed status → PaymentIntent status', () => {
  const cases: [string, boolean, boolean, IntentStatus][] = [
    ['pending', false, false, 'requires_payment_method'],
    ['pending', true, false, 'requires_confirmation'],
    ['pending', true, true, 'requires_action'],
    ['failed', true, false, 'requires_payment_method'],
    ['authorized', true, false, 'requires_capture'],
    ['succeeded', true, false, 'succeeded'],
    ['captured', true, false, 'succeeded'],
    ['refunded', true, false, 'succeeded'],
    ['disputed', true, false, 'succeeded'],
    ['cancelled', true, false, 'canceled'],
    ['cancelled', false, false, 'canceled'],
  ];
  it.each(cases)(
    '%s (payment method %s, next action %s) → %s',
    (status, hasPaymentMethod, hasNextAction, expected) => {
      expect(intentStatus({ status, hasPaymentMethod, hasNextAction })).toBe(expected);
    },
  );

  it('covers every status of the seed CHECK', () => {
    for (const status of SEED_STATUSES) {
      expect(() => intentStatus({ status, hasPaymentMethod: true, hasNextAction: false })).not.toThrow();
    }
    expect(() => intentStatus({ status: 'weird', hasPaymentMethod: true, hasNextAction: false })).toThrow();
  });
});

describe('operations per state', () => {
  it('follows Stripe: capture only when requires_capture, confirm never after success or cancel', () => {
    expect(allows('capture', 'requires_capture')).toBe(true);
    expect(allows('capture', 'canceled')).toBe(false);
    expect(allows('capture', 'succeeded')).toBe(false);
    expect(allows('confirm', 'succeeded')).toBe(false);
    expect(allows('confirm', 'canceled')).toBe(false);
    expect(allows('confirm', 'requires_payment_method')).toBe(true);
    expect(allows('cancel', 'succeeded')).toBe(false);
    expect(allows('cancel', 'requires_capture')).toBe(true);
    expect(allows('refund', 'succeeded')).toBe(true);
    expect(allows('refund', 'requires_capture')).toBe(false);
  });
});
