import type { BillingDetails, BillingDetailsParam } from './schemas';
import { EMPTY_BILLING } from './sealing';

/**
 * Billing details from parameters over a base: fields given replace the base
 * ("" or null unsets), `address` is replaced as a whole, as for customers.
 */
export function billingFromParams(
  param: BillingDetailsParam | undefined,
  base: BillingDetails = EMPTY_BILLING,
): BillingDetails {
  if (!param) return base;
  const a = param.address;
  return {
    address:
      a === undefined
        ? base.address
        : {
            city: a?.city ?? null,
            country: a?.country ? a.country.toUpperCase() : null,
            line1: a?.line1 ?? null,
            line2: a?.line2 ?? null,
            postal_code: a?.postal_code ?? null,
            state: a?.state ?? null,
          },
    email: param.email !== undefined ? param.email : base.email,
    name: param.name !== undefined ? param.name : base.name,
    phone: param.phone !== undefined ? param.phone : base.phone,
    tax_id: null,
  };
}
