/**
 * Classes of the bits of the card form that its script creates (alert banner,
 * field errors, card brand), shared with the server-rendered form
 * (components/checkout/card-form.tsx) so both look the same. Plain strings in
 * a .ts file: Tailwind's source scan finds them here.
 */
export const BANNER_CLASS =
  'rounded-lg px-4 py-3 text-sm font-medium bg-red-50 text-red-800 ring-1 ring-red-200';
export const FIELD_ERROR_CLASS = 'mt-1 text-sm font-medium text-red-700';
export const BRAND_CLASS = 'text-xs font-semibold text-slate-700';
