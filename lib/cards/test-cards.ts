/**
 * Stripe's published test cards, and what our sandbox gateways do with each.
 * One table, read by the vault (the `pm_card_*` test tokens resolve to these
 * numbers) and by the sandbox connectors (lib/gateways), so the behaviour of a
 * card is written down exactly once. Any other Luhn-valid number succeeds.
 */
export type TestCardBehavior =
  | { kind: 'success' }
  | {
      kind: 'decline';
      declineCode: string;
      code: 'card_declined' | 'expired_card' | 'incorrect_cvc' | 'processing_error';
      message: string;
    }
  /** 3-D Secure required: the intent waits in requires_action until the customer authenticates (hosted checkout). */
  | { kind: 'requires_action' }
  /** Succeeds, then is disputed after capture (consumed by the disputes work). */
  | { kind: 'dispute_after_capture' }
  /**
   * Stripe Radar's test cards: a forced risk level (lib/fraud reads it in test
   * mode); `alwaysBlocked` is 4100 0000 0000 0019, blocked whatever the score.
   * A processor that sees one anyway (live mode, no fraud check) approves it.
   */
  | { kind: 'risk'; riskLevel: 'elevated' | 'highest'; alwaysBlocked: boolean };

export interface TestCard {
  number: string;
  brand: 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners' | 'unionpay';
  behavior: TestCardBehavior;
  /** Stripe's test payment method ids that resolve to this card. */
  tokens: string[];
}

const decline = (
  declineCode: string,
  message: string,
  code: 'card_declined' | 'expired_card' | 'incorrect_cvc' | 'processing_error' = 'card_declined',
): TestCardBehavior => ({
  kind: 'decline',
  declineCode,
  code,
  message,
});

export const TEST_CARDS: readonly TestCard[] = [
  {
    number: '4242424242424242',
    brand: 'visa',
    behavior: { kind: 'success' },
    tokens: ['pm_card_visa', 'tok_visa'],
  },
  {
    number: '4000056655665556',
    brand: 'visa',
    behavior: { kind: 'success' },
    tokens: ['pm_card_visa_debit', 'tok_visa_debit'],
  },
  {
    number: '5555555555554444',
    brand: 'mastercard',
    behavior: { kind: 'success' },
    tokens: ['pm_card_mastercard', 'tok_mastercard'],
  },
  {
    number: '378282246310005',
    brand: 'amex',
    behavior: { kind: 'success' },
    tokens: ['pm_card_amex', 'tok_amex'],
  },
  {
    number: '6011111111111117',
    brand: 'discover',
    behavior: { kind: 'success' },
    tokens: ['pm_card_discover', 'tok_discover'],
  },
  {
    number: '4000000000000002',
    brand: 'visa',
    behavior: decline('generic_decline', 'Your card was declined.'),
    tokens: ['pm_card_chargeDeclined', 'tok_chargeDeclined'],
  },
  {
    number: '4000000000009995',
    brand: 'visa',
    behavior: decline('insufficient_funds', 'Your card has insufficient funds.'),
    tokens: [
      'pm_card_visa_chargeDeclinedInsufficientFunds',
      'pm_card_chargeDeclinedInsufficientFunds',
      'tok_chargeDeclinedInsufficientFunds',
    ],
  },
  {
    number: '4000000000009987',
    brand: 'visa',
    behavior: decline('lost_card', 'Your card was declined.'),
    tokens: [
      'pm_card_visa_chargeDeclinedLostCard',
      'pm_card_chargeDeclinedLostCard',
      'tok_chargeDeclinedLostCard',
    ],
  },
  {
    number: '4000000000009979',
    brand: 'visa',
    behavior: decline('stolen_card', 'Your card was declined.'),
    tokens: [
      'pm_card_visa_chargeDeclinedStolenCard',
      'pm_card_chargeDeclinedStolenCard',
      'tok_chargeDeclinedStolenCard',
    ],
  },
  {
    number: '4000000000000069',
    brand: 'visa',
    behavior: decline('expired_card', 'Your card has expired.', 'expired_card'),
    tokens: ['pm_card_chargeDeclinedExpiredCard', 'tok_chargeDeclinedExpiredCard'],
  },
  {
    number: '4000000000000127',
    brand: 'visa',
    behavior: decline('incorrect_cvc', "Your card's security code is incorrect.", 'incorrect_cvc'),
    tokens: ['pm_card_chargeDeclinedIncorrectCvc', 'tok_chargeDeclinedIncorrectCvc'],
  },
  {
    number: '4000000000000119',
    brand: 'visa',
    behavior: decline(
      'processing_error',
      'An error occurred while processing your card. Try again in a little bit.',
      'processing_error',
    ),
    tokens: ['pm_card_chargeDeclinedProcessingError', 'tok_chargeDeclinedProcessingError'],
  },
  {
    number: '4000002500003155',
    brand: 'visa',
    behavior: { kind: 'requires_action' },
    tokens: ['pm_card_authenticationRequired', 'pm_card_threeDSecure2Required', 'tok_threeDSecure2Required'],
  },
  {
    number: '4000000000000259',
    brand: 'visa',
    behavior: { kind: 'dispute_after_capture' },
    tokens: ['pm_card_createDispute', 'tok_createDispute'],
  },
  {
    number: '4100000000000019',
    brand: 'visa',
    behavior: { kind: 'risk', riskLevel: 'highest', alwaysBlocked: true },
    tokens: ['pm_card_radarBlock', 'tok_radarBlock'],
  },
  {
    number: '4000000000004954',
    brand: 'visa',
    behavior: { kind: 'risk', riskLevel: 'highest', alwaysBlocked: false },
    tokens: ['pm_card_riskLevelHighest', 'tok_riskLevelHighest'],
  },
  {
    number: '4000000000009235',
    brand: 'visa',
    behavior: { kind: 'risk', riskLevel: 'elevated', alwaysBlocked: false },
    tokens: ['pm_card_riskLevelElevated', 'tok_riskLevelElevated'],
  },
];

const byNumber = new Map(TEST_CARDS.map((c) => [c.number, c]));
const byToken = new Map(TEST_CARDS.flatMap((c) => c.tokens.map((t) => [t, c] as const)));

/** The behaviour of a card number in the sandbox: any card not in the table succeeds. */
export function testCardBehavior(number: string): TestCardBehavior {
  return byNumber.get(number)?.behavior ?? { kind: 'success' };
}

/** `pm_card_visa` → its test card, or undefined for any other string. */
export function testCardForToken(token: string): TestCard | undefined {
  return byToken.get(token);
}
