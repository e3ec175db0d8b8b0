import { describe, expect, it } from 'vitest';
import { levelFor, scorePayment, storedRiskLevel, stripeRiskLevel, type RiskFacts } from './score';

const quiet = {
  hourCount: 0,
  hourAmount: 0,
  dayCount: 0,
  dayAmount: 0,
  weekCount: 0,
  weekAmount: 0,
};

const facts = (over: Partial<RiskFacts> = {}): RiskFacts => ({
  amount: 2000,
  currency: 'USD',
  limits: null,
  velocity: quiet,
  declines: { customer: 0, card: 0 },
  cardCountry: 'US',
  billingCountry: null,
  testCard: null,
  ...over,
});

describe('scorePayment', () => {
  it('an ordinary payment fires nothing: score 0, normal, allowed', () => {
    expect(scorePayment(facts())).toEqual({ score: 0, riskLevel: 'normal', decision: 'allow', rules: [] });
  });

  it('velocity in the hour raises the score, and far past the threshold to elevated', () => {
    const at = scorePayment(facts({ velocity: { ...quiet, hourCount: 5, dayCount: 5 } }));
    expect(at).toMatchObject({ score: 0.35, riskLevel: 'normal', rules: ['velocity_hour'] });
    const far = scorePayment(facts({ velocity: { ...quiet, hourCount: 10, dayCount: 10 } }));
    expect(far).toMatchObject({
      score: 0.6,
      riskLevel: 'elevated',
      decision: 'allow',
      rules: ['velocity_hour_extreme'],
    });
    const below = scorePayment(facts({ velocity: { ...quiet, hourCount: 4 } }));
    expect(below.rules).toEqual([]);
  });

  it('thresholds are configurable', () => {
    const v = { ...quiet, hourCount: 2, dayCount: 3 };
    expect(scorePayment(facts({ velocity: v }), { hourlyAttempts: 2, dailyAttempts: 3 }).rules).toEqual([
      'velocity_hour',
      'velocity_day',
    ]);
  });

  it('an amount far above the customer’s typical one, or near the daily limit, counts', () => {
    const typical = { ...quiet, weekCount: 4, weekAmount: 4000 };
    expect(scorePayment(facts({ amount: 5001, velocity: typical })).rules).toEqual(['amount_above_typical']);
    expect(scorePayment(facts({ amount: 5000, velocity: typical })).rules).toEqual([]);
    // Too little history: no typical amount yet.
    expect(
      scorePayment(facts({ amount: 9999, velocity: { ...quiet, weekCount: 2, weekAmount: 20 } })).rules,
    ).toEqual([]);
    const limits = { currency: 'USD', daily: 4000, monthly: null };
    expect(scorePayment(facts({ amount: 2000, limits })).rules).toEqual(['amount_near_daily_limit']);
    expect(scorePayment(facts({ amount: 1999, limits })).rules).toEqual([]);
    // A limit in another currency says nothing about this amount.
    expect(scorePayment(facts({ amount: 2000, limits: { ...limits, currency: 'EUR' } })).rules).toEqual([]);
  });

  it('recent declines on the card or the customer count', () => {
    expect(scorePayment(facts({ declines: { card: 2, customer: 2 } })).rules).toEqual([
      'card_recent_declines',
    ]);
    expect(scorePayment(facts({ declines: { card: 0, customer: 3 } })).rules).toEqual([
      'customer_recent_declines',
    ]);
  });

  it('billing country against card country only when both are known', () => {
    expect(scorePayment(facts({ billingCountry: 'GB' })).rules).toEqual(['country_mismatch']);
    expect(scorePayment(facts({ billingCountry: 'US' })).rules).toEqual([]);
    expect(scorePayment(facts({ cardCountry: null, billingCountry: 'GB' })).rules).toEqual([]);
  });

  it('rules add up to highest, which is blocked (Radar’s default rule)', () => {
    const a = scorePayment(
      facts({
        velocity: { ...quiet, hourCount: 12, dayCount: 25 },
        declines: { card: 3, customer: 0 },
      }),
    );
    expect(a.rules).toEqual(['velocity_hour_extreme', 'velocity_day', 'card_recent_declines']);
    expect(a).toMatchObject({ score: 1, riskLevel: 'highest', decision: 'block' });
  });

  it('without Redis the counters’ rules are skipped and noted, never guessed', () => {
    expect(scorePayment(facts({ velocity: null, declines: null }))).toEqual({
      score: 0,
      riskLevel: 'normal',
      decision: 'allow',
      rules: ['signals_unavailable'],
    });
  });

  it('Stripe’s Radar test cards force their level; 4100 0000 0000 0019 is always blocked', () => {
    expect(scorePayment(facts({ testCard: { riskLevel: 'elevated', alwaysBlocked: false } }))).toEqual({
      score: 0.65,
      riskLevel: 'elevated',
      decision: 'allow',
      rules: ['test_card_elevated'],
    });
    expect(scorePayment(facts({ testCard: { riskLevel: 'highest', alwaysBlocked: false } }))).toEqual({
      score: 0.95,
      riskLevel: 'highest',
      decision: 'block',
      rules: ['test_card_highest'],
    });
    expect(scorePayment(facts({ testCard: { riskLevel: 'highest', alwaysBlocked: true } }))).toEqual({
      score: 1,
      riskLevel: 'highest',
      decision: 'block',
      rules: ['test_card_blocked'],
    });
  });

  it('scores have four decimals at most', () => {
    const a = scorePayment(facts({ velocity: { ...quiet, hourCount: 5 }, billingCountry: 'FR' }));
    expect(a.score).toBe(0.55);
    expect(Number.isInteger(a.score * 10_000)).toBe(true);
  });
});

describe('levels', () => {
  it('bands and the mapping to the seed’s low/medium/high', () => {
    expect([0, 0.3999, 0.4, 0.7499, 0.75, 1].map(levelFor)).toEqual([
      'normal',
      'normal',
      'elevated',
      'elevated',
      'highest',
      'highest',
    ]);
    for (const level of ['normal', 'elevated', 'highest'] as const) {
      expect(stripeRiskLevel(storedRiskLevel(level))).toBe(level);
    }
    expect(stripeRiskLevel(null)).toBe('not_assessed');
  });
});
