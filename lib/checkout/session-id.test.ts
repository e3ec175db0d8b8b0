import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkoutSessionId, parseCheckoutSessionId } from './session-id';

describe('checkout session ids', () => {
  it('round-trips the UUID and the mode', () => {
    const uuid = randomUUID();
    const test = checkoutSessionId(uuid, false);
    const live = checkoutSessionId(uuid, true);
    expect(test).toMatch(/^cs_test_[0-9A-Za-z]{22}$/);
    expect(live).toMatch(/^cs_live_[0-9A-Za-z]{22}$/);
    expect(parseCheckoutSessionId(test)).toEqual({ uuid, livemode: false });
    expect(parseCheckoutSessionId(live)).toEqual({ uuid, livemode: true });
  });

  it.each([
    '',
    'cs_x',
    'cs_test_',
    'cs_prod_0000000000000000000000',
    'pi_0000000000000000000000',
    'cs_test_!!!!!!!!!!!!!!!!!!!!!!',
    'cs_test_zzzzzzzzzzzzzzzzzzzzzz',
  ])('%s is not a session id', (id) => {
    expect(parseCheckoutSessionId(id)).toBeNull();
  });
});
