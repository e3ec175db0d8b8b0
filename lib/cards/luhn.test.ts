import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_CARDS } from './test-cards';
import { luhnCheckDigit, luhnValid } from './luhn';

describe('luhnValid', () => {
  it('accepts every Stripe test card', () => {
    for (const card of TEST_CARDS) expect(luhnValid(card.number), card.number).toBe(true);
  });

  it.each(['4242424242424241', '5555555555554440', '378282246310006', '1'])('rejects %s', (n) => {
    expect(luhnValid(n)).toBe(false);
  });

  it('rejects anything that is not only digits', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4242 4242 4242 4242')).toBe(false);
    expect(luhnValid('42424242424242a2')).toBe(false);
  });

  it('the check digit makes any prefix valid, and changing one digit breaks it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11,18}$/), fc.nat(), (prefix, at) => {
        const n = prefix + luhnCheckDigit(prefix);
        expect(luhnValid(n)).toBe(true);
        const i = at % n.length;
        const changed = n.slice(0, i) + String((Number(n[i]) + 1 + (at % 9)) % 10) + n.slice(i + 1);
        if (changed !== n) expect(luhnValid(changed)).toBe(false);
      }),
    );
  });
});
