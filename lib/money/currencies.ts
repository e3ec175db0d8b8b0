/**
 * ISO 4217 currencies and their minor-unit exponents: the one table every
 * amount is read against. Amounts everywhere are integers in the minor unit
 * (cents, yen, fils); this module says how many digits that unit has.
 *
 * Active codes from ISO 4217 list one (funds and precious metals left out).
 * Stripe deviates from ISO in a few places, noted below rather than applied:
 * our stored amounts follow ISO, and the API layer of a payments resource is
 * where a Stripe quirk would be translated.
 *   - ISK and UGX: ISO exponent 0; Stripe treats them as two-decimal for
 *     backwards compatibility (amounts must be divisible by 100).
 *   - HUF and TWD: two-decimal at ISO and at Stripe, but payouts are integers.
 *   - KWD, BHD, JOD, OMR, TND: three-decimal; Stripe requires the last digit
 *     to be 0 for card charges.
 */
// prettier-ignore
const ZERO_DECIMAL = [
  'BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF',
  'XOF', 'XPF',
] as const;

// prettier-ignore
const THREE_DECIMAL = ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'] as const;

/** CLF (a unit of account) and UYW are the only four-decimal ones. */
const FOUR_DECIMAL = ['CLF', 'UYW'] as const;

// prettier-ignore
const TWO_DECIMAL = [
  'AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BMD',
  'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CNY', 'COP', 'CRC', 'CUP',
  'CVE', 'CZK', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP',
  'GMD', 'GTQ', 'GYD', 'HKD', 'HNL', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IRR', 'JMD', 'KES', 'KGS', 'KHR',
  'KPW', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP',
  'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'PAB', 'PEN',
  'PGK', 'PHP', 'PKR', 'PLN', 'QAR', 'RON', 'RSD', 'RUB', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP',
  'SLE', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TOP', 'TRY', 'TTD', 'TWD',
  'TZS', 'UAH', 'USD', 'UYU', 'UZS', 'VED', 'VES', 'WST', 'XCD', 'XCG', 'YER', 'ZAR', 'ZMW', 'ZWG',
] as const;

export type CurrencyCode =
  | (typeof ZERO_DECIMAL)[number]
  | (typeof TWO_DECIMAL)[number]
  | (typeof THREE_DECIMAL)[number]
  | (typeof FOUR_DECIMAL)[number];

const EXPONENTS: ReadonlyMap<string, number> = new Map<string, number>([
  ...ZERO_DECIMAL.map((c) => [c, 0] as const),
  ...TWO_DECIMAL.map((c) => [c, 2] as const),
  ...THREE_DECIMAL.map((c) => [c, 3] as const),
  ...FOUR_DECIMAL.map((c) => [c, 4] as const),
]);

/** Every supported code, upper case, sorted. */
export const CURRENCIES: readonly CurrencyCode[] = [...EXPONENTS.keys()].sort() as CurrencyCode[];

/** Whether `code` is an active ISO 4217 code (upper case, as stored). */
export function isCurrency(code: string): code is CurrencyCode {
  return EXPONENTS.has(code);
}

/** Upper-cases Stripe's lower-case codes (`usd` → `USD`); null for anything unknown. */
export function normalizeCurrency(code: string): CurrencyCode | null {
  const upper = code.toUpperCase();
  return isCurrency(upper) ? upper : null;
}

/** Digits after the decimal point: JPY 0, USD 2, KWD 3. Throws on an unknown code. */
export function exponent(currency: string): number {
  const e = EXPONENTS.get(currency.toUpperCase());
  if (e === undefined) throw new Error(`unknown currency ${currency}`);
  return e;
}

/**
 * Stripe's minimum charge amounts (in the currency's minor unit) for the
 * currencies it publishes them for; roughly 50 US cents. Others have none here.
 */
// prettier-ignore
const MIN_CHARGE: Readonly<Partial<Record<CurrencyCode, number>>> = {
  USD: 50, AED: 200, AUD: 50, BGN: 100, BRL: 50, CAD: 50, CHF: 50, CZK: 1500, DKK: 250, EUR: 50,
  GBP: 30, HKD: 400, HUF: 17500, INR: 50, JPY: 50, MXN: 1000, MYR: 200, NOK: 300, NZD: 50, PLN: 200,
  RON: 200, SEK: 300, SGD: 50, THB: 1000,
};

export function minimumChargeAmount(currency: string): number | null {
  const upper = currency.toUpperCase();
  return isCurrency(upper) ? (MIN_CHARGE[upper] ?? null) : null;
}

/**
 * An amount for people (the dashboard): `formatAmount(123456, 'USD')` →
 * `$1,234.56`, `formatAmount(5000, 'JPY')` → `¥5,000`, `formatAmount(1234, 'KWD')`
 * → `KWD 1.234`. Built from the integer with string arithmetic, so no float ever
 * rounds it; Intl supplies only the symbol and the grouping.
 */
export function formatAmount(minor: number | bigint, currency: string, locale = 'en-US'): string {
  const code = currency.toUpperCase();
  const digits = exponent(code);
  const value = BigInt(minor);
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = digits ? abs.slice(abs.length - digits) : '';
  const parts = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: code,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).formatToParts(0);
  const grouped = new Intl.NumberFormat(locale, { useGrouping: true }).format(BigInt(whole));
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  let out = '';
  let numberDone = false;
  for (const p of parts) {
    if (p.type === 'integer' || p.type === 'group') {
      if (!numberDone) out += grouped;
      numberDone = true;
    } else if (p.type === 'fraction') {
      out += fraction;
    } else if (p.type === 'decimal') {
      out += decimal;
    } else if (p.type !== 'minusSign') {
      out += p.value;
    }
  }
  return negative ? `-${out}` : out;
}

/**
 * An amount typed by a person in major units (`12.34` in USD, `500` in JPY)
 * as the integer in minor units, by string arithmetic. Null unless it is a
 * plain positive-or-zero decimal with at most the currency's digits after the
 * point (no grouping, no sign, no exponent) and a safe integer.
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = exponent(currency);
  const match = /^(\d{1,15})(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(`${match[1]}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units as the plain text parseAmount reads back: 1234 USD → `12.34`. */
export function amountInputValue(minor: number, currency: string): string {
  const digits = exponent(currency);
  const abs = String(minor).padStart(digits + 1, '0');
  return digits ? `${abs.slice(0, abs.length - digits)}.${abs.slice(abs.length - digits)}` : abs;
}
