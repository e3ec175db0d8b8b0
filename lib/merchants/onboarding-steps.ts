/**
 * The wizard's steps and the form fields each asks for, without the schemas
 * (this module is also loaded in the browser). business-schema.test.ts checks
 * that these lists match the per-step schemas exactly.
 */
export const STEP_FIELDS = {
  business: ['business_name', 'legal_name', 'business_type', 'tax_id', 'currency'],
  contact: ['email', 'phone', 'website'],
  address: ['line1', 'line2', 'city', 'state', 'postal_code', 'country'],
} as const;

export type StepId = keyof typeof STEP_FIELDS;

export const STEP_ORDER: readonly StepId[] = ['business', 'contact', 'address'];

export const STEP_TITLES: Record<StepId | 'review', string> = {
  business: 'Business',
  contact: 'Contact',
  address: 'Address',
  review: 'Review',
};

export function stepOfField(field: string): StepId | null {
  return STEP_ORDER.find((s) => (STEP_FIELDS[s] as readonly string[]).includes(field)) ?? null;
}
