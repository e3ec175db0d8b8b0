/**
 * What our sandbox knows about a card beyond its brand: Stripe's funding type
 * and issuing country for its published test numbers. Any other number is a
 * credit card of unknown country (we have no BIN table).
 */
export type CardFunding = 'credit' | 'debit' | 'prepaid' | 'unknown';

const TEST_FUNDING: Record<string, CardFunding> = {
  '4000056655665556': 'debit',
  '5200828282828210': 'debit',
  '5105105105105100': 'prepaid',
};

export function cardFunding(number: string): CardFunding {
  return TEST_FUNDING[number] ?? 'credit';
}
