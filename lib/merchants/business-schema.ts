import { z } from 'zod';
import { emailSchema } from '@/lib/auth/password-policy';
import { BUSINESS_TYPES, COUNTRIES, CURRENCIES } from './options';

/**
 * The business details, as the onboarding wizard asks for them: one strict
 * schema per step (each validated on the server before the next step shows),
 * and their union for the final submit and the business settings form.
 * Form fields arrive as strings; optional ones arrive as "" and become null.
 */
const text = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, { error: `Enter the ${label}.`, abort: true })
    .max(max, `Use at most ${max} characters.`);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : null));

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { error: message });

export const businessStepSchema = z.strictObject({
  business_name: text('business name', 200),
  legal_name: text('legal name', 200),
  business_type: choice(BUSINESS_TYPES, 'Choose a business type.'),
  // Formats differ by country (EIN 12-3456789, VAT GB123456789, PAN ABCDE1234F):
  // letters, digits, spaces, dots, slashes and hyphens, with at least 4 of them alphanumeric.
  tax_id: text('tax ID', 50)
    .regex(/^[A-Za-z0-9 ./-]+$/, 'Use only letters, digits, spaces, dots, slashes and hyphens.')
    .refine((v) => v.replace(/[^A-Za-z0-9]/g, '').length >= 4, 'That tax ID is too short.'),
  currency: choice(CURRENCIES, 'Choose a currency.'),
});

export const contactStepSchema = z.strictObject({
  email: emailSchema,
  phone: optionalText(20).refine(
    (v) => v === null || (/^\+?[0-9 ().-]+$/.test(v) && v.replace(/\D/g, '').length >= 7),
    'Enter a phone number with its country code, e.g. +1 415 555 0100.',
  ),
  website: optionalText(255)
    // People type "shop.example"; store a full URL.
    .transform((v) => (v && !/^[a-z][a-z0-9+.-]*:/i.test(v) ? `https://${v}` : v))
    .refine((v) => v === null || isWebUrl(v), 'Enter a website address, e.g. https://shop.example.')
    .refine((v) => v === null || v.length <= 255, 'Use at most 255 characters.'),
});

export const addressStepSchema = z.strictObject({
  line1: text('street address', 200),
  line2: optionalText(200),
  city: text('city', 100),
  state: optionalText(100),
  postal_code: optionalText(20),
  country: z.string({ error: 'Choose a country.' }).refine((v) => COUNTRIES.includes(v), 'Choose a country.'),
});

export const businessDetailsSchema = z.strictObject({
  ...businessStepSchema.shape,
  ...contactStepSchema.shape,
  ...addressStepSchema.shape,
});

export type BusinessDetails = z.infer<typeof businessDetailsSchema>;

/** The schema of each wizard step (field lists in onboarding-steps.ts). */
export const STEP_SCHEMAS = {
  business: businessStepSchema,
  contact: contactStepSchema,
  address: addressStepSchema,
} as const;

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** The JSONB `merchants.address` value (seed 001: line1, line2, city, state, postal_code, country). */
export interface MerchantAddress {
  line1: string;
  line2?: string | null;
  city: string;
  state?: string | null;
  postal_code?: string | null;
  country: string;
}

export function addressOf(details: BusinessDetails): MerchantAddress {
  return {
    line1: details.line1,
    line2: details.line2,
    city: details.city,
    state: details.state,
    postal_code: details.postal_code,
    country: details.country,
  };
}
