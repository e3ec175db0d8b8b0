/**
 * The choices the onboarding wizard and the business settings offer. Codes are
 * what the database stores (business_type CHECK, ISO 4217 currency, ISO 3166-1
 * alpha-2 country); labels come from the runtime's ICU data so they never drift.
 */
export const BUSINESS_TYPES = [
  'individual',
  'sole_proprietorship',
  'partnership',
  'llc',
  'corporation',
  'non_profit',
  'government_entity',
] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

export const BUSINESS_TYPE_LABELS: Record<BusinessType, string> = {
  individual: 'Individual',
  sole_proprietorship: 'Sole proprietorship',
  partnership: 'Partnership',
  llc: 'Limited liability company (LLC)',
  corporation: 'Corporation',
  non_profit: 'Non-profit organisation',
  government_entity: 'Government entity',
};

/**
 * Currencies a merchant may prefer: the widely settled ones, including the
 * zero-decimal (JPY, KRW) and three-decimal (KWD, BHD, JOD, OMR) cases.
 */
export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'INR',
  'CNY',
  'HKD',
  'SGD',
  'KRW',
  'TWD',
  'THB',
  'MYR',
  'IDR',
  'PHP',
  'VND',
  'AED',
  'SAR',
  'QAR',
  'KWD',
  'BHD',
  'OMR',
  'JOD',
  'ILS',
  'TRY',
  'EGP',
  'ZAR',
  'NGN',
  'KES',
  'MAD',
  'BRL',
  'MXN',
  'ARS',
  'CLP',
  'COP',
  'PEN',
] as const;
export type Currency = (typeof CURRENCIES)[number];

/** ISO 3166-1 alpha-2 country codes, plus XK (Kosovo, user-assigned but widely used). */
export const COUNTRIES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ') as readonly string[];

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const currencyNames = new Intl.DisplayNames(['en'], { type: 'currency' });

export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

export function currencyName(code: string): string {
  return currencyNames.of(code) ?? code;
}

export function businessTypeLabel(code: string | null | undefined): string {
  if (!code) return 'Not set';
  return (BUSINESS_TYPE_LABELS as Record<string, string>)[code] ?? code;
}

/** { value, label } lists for the select fields, sorted the way people look for them. */
export const businessTypeOptions = BUSINESS_TYPES.map((value) => ({
  value,
  label: BUSINESS_TYPE_LABELS[value],
}));

export const currencyOptions = CURRENCIES.map((value) => ({
  value,
  label: `${value} — ${currencyName(value)}`,
}));

export const countryOptions = COUNTRIES.map((value) => ({ value, label: countryName(value) })).sort((a, b) =>
  a.label.localeCompare(b.label, 'en'),
);
