import { describe, expect, it } from 'vitest';
import { maskGatewayRaw } from './mask';
import { parseRoutingRules } from './routing-rules';

const DEFAULT = ['sandbox_alpha', 'sandbox_beta'];

describe('routing rules from processing_config', () => {
  it('one list applies to both modes, in its order', () => {
    expect(parseRoutingRules({ routing: ['sandbox_beta', 'sandbox_alpha'] })).toEqual({
      live: ['sandbox_beta', 'sandbox_alpha'],
      test: ['sandbox_beta', 'sandbox_alpha'],
    });
  });

  it('a list is exactly the set tried: a gateway left out is not used', () => {
    expect(parseRoutingRules({ routing: ['sandbox_beta'] }).test).toEqual(['sandbox_beta']);
  });

  it('per mode, a missing mode uses the default order', () => {
    expect(parseRoutingRules({ routing: { live: ['sandbox_beta'] } })).toEqual({
      live: ['sandbox_beta'],
      test: DEFAULT,
    });
  });

  it('drops unknown names and repeats; nothing usable means the default', () => {
    expect(parseRoutingRules({ routing: ['acme', 'sandbox_beta', 'sandbox_beta'] }).live).toEqual([
      'sandbox_beta',
    ]);
    for (const config of [
      null,
      {},
      { routing: 'sandbox_beta' },
      { routing: [] },
      { routing: ['acme'] },
      [],
    ]) {
      expect(parseRoutingRules(config)).toEqual({ live: DEFAULT, test: DEFAULT });
    }
  });
});

describe('maskGatewayRaw', () => {
  it('drops raw card fields and masks card-number-like digits anywhere', () => {
    expect(
      maskGatewayRaw({
        card: { number: '4242424242424242', cvc: '123', exp_month: 1, brand: 'visa', last4: '4242' },
        message: 'card 4000 0000 0000 0002 declined',
        amount: 2000,
      }),
    ).toEqual({ card: { brand: 'visa', last4: '4242' }, message: 'card [redacted] declined', amount: 2000 });
  });
});
