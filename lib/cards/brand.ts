/**
 * Card brand by IIN (the leading digits) and the lengths each brand issues,
 * with Stripe's brand names. Ranges are checked most specific first: Discover's
 * 6011/644–649/65 before UnionPay's 62, Mastercard's 2-series 2221–2720.
 */
export type CardBrand =
  'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners' | 'unionpay' | 'unknown';

interface BrandRule {
  brand: Exclude<CardBrand, 'unknown'>;
  /** Inclusive IIN ranges, compared on the first `digits` digits. */
  ranges: [from: number, to: number, digits: number][];
  lengths: number[];
}

const RULES: BrandRule[] = [
  {
    brand: 'amex',
    ranges: [
      [34, 34, 2],
      [37, 37, 2],
    ],
    lengths: [15],
  },
  {
    brand: 'diners',
    ranges: [
      [300, 305, 3],
      [3095, 3095, 4],
      [36, 36, 2],
      [38, 39, 2],
    ],
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { brand: 'jcb', ranges: [[3528, 3589, 4]], lengths: [16, 17, 18, 19] },
  { brand: 'visa', ranges: [[4, 4, 1]], lengths: [13, 16, 19] },
  {
    brand: 'mastercard',
    ranges: [
      [51, 55, 2],
      [2221, 2720, 4],
    ],
    lengths: [16],
  },
  {
    brand: 'discover',
    ranges: [
      [6011, 6011, 4],
      [644, 649, 3],
      [65, 65, 2],
    ],
    lengths: [16, 17, 18, 19],
  },
  {
    brand: 'unionpay',
    ranges: [
      [62, 62, 2],
      [81, 81, 2],
    ],
    lengths: [16, 17, 18, 19],
  },
];

/** Card numbers of unrecognised brands: the ISO/IEC 7812 bounds. */
const UNKNOWN_LENGTHS = { min: 12, max: 19 };

export function cardBrand(digits: string): CardBrand {
  for (const rule of RULES) {
    for (const [from, to, n] of rule.ranges) {
      if (digits.length < n) continue;
      const iin = Number(digits.slice(0, n));
      if (iin >= from && iin <= to) return rule.brand;
    }
  }
  return 'unknown';
}

/** Whether a number of this length can be a card of its detected brand. */
export function validLengthForBrand(digits: string, brand: CardBrand = cardBrand(digits)): boolean {
  const rule = RULES.find((r) => r.brand === brand);
  if (rule) return rule.lengths.includes(digits.length);
  return digits.length >= UNKNOWN_LENGTHS.min && digits.length <= UNKNOWN_LENGTHS.max;
}

/** The CVC length a brand prints: four digits on American Express, three elsewhere. */
export function cvcLength(brand: CardBrand): number[] {
  return brand === 'amex' ? [4] : brand === 'unknown' ? [3, 4] : [3];
}

/** Stripe's `display_brand` values. */
export function displayBrand(brand: CardBrand): string {
  const names: Record<CardBrand, string> = {
    visa: 'visa',
    mastercard: 'mastercard',
    amex: 'american_express',
    discover: 'discover',
    jcb: 'jcb',
    diners: 'diners_club',
    unionpay: 'union_pay',
    unknown: 'other',
  };
  return names[brand];
}
