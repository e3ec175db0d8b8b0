import { z } from 'zod';

/**
 * Settings → Business → Branding: the hosted checkout's accent colour and
 * logo. Stored as the database accepts them (merchants CHECKs: brand_color
 * `^#[0-9a-f]{6}$`, logo_url `^https://\S+$`); both optional, "" clears.
 * The checkout page checks both again before use (lib/checkout-page/branding.ts).
 */
const HEX = /^#[0-9a-f]{6}$/;

export const brandingSchema = z.strictObject({
  brand_color: z
    .string()
    .trim()
    .max(7, 'Enter a colour as # and six hex digits, e.g. #0a2540.')
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null))
    .refine((v) => v === null || HEX.test(v), 'Enter a colour as # and six hex digits, e.g. #0a2540.'),
  logo_url: z
    .string()
    .trim()
    .max(2048, 'Use at most 2048 characters.')
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isHttpsImageUrl(v), 'Enter an https:// address of your logo image.'),
});

export type Branding = z.infer<typeof brandingSchema>;

function isHttpsImageUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' &&
      !!url.hostname &&
      !url.username &&
      !url.password &&
      value.startsWith('https://')
    );
  } catch {
    return false;
  }
}
