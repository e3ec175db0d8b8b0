import { describe, expect, it } from 'vitest';
import {
  addressStepSchema,
  businessDetailsSchema,
  businessStepSchema,
  contactStepSchema,
  STEP_SCHEMAS,
} from './business-schema';
import { STEP_FIELDS, STEP_ORDER, stepOfField } from './onboarding-steps';

const business = {
  business_name: 'Acme',
  legal_name: 'Acme LLC',
  business_type: 'llc',
  tax_id: '000000000',
  currency: 'KWD',
};
const contact = { email: 'Pay@Acme.Example', phone: '+1 (415) 555-0100', website: 'acme.example' };
const address = {
  line1: '1 Main St',
  line2: '',
  city: 'Springfield',
  state: '',
  postal_code: '94105',
  country: 'US',
};

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return result.success ? [] : (result.error?.issues.map((i) => String(i.path[0])) ?? []);
}

describe('onboarding step schemas', () => {
  it('accepts a valid business step', () => {
    expect(businessStepSchema.parse(business)).toEqual(business);
  });

  it('names each missing or invalid business field', () => {
    const result = businessStepSchema.safeParse({
      business_name: ' ',
      legal_name: '',
      business_type: 'cooperative',
      tax_id: '12',
      currency: 'XXX',
    });
    expect(errorsOf(result).sort()).toEqual([
      'business_name',
      'business_type',
      'currency',
      'legal_name',
      'tax_id',
    ]);
  });

  it('says only "enter it" for an empty field, not every rule it breaks', () => {
    const result = businessStepSchema.safeParse({ ...business, tax_id: '' });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['Enter the tax ID.']);
  });

  it('rejects unknown fields (strict)', () => {
    const result = businessStepSchema.safeParse({ ...business, status: 'active' });
    expect(result.error?.issues.map((i) => i.code)).toEqual(['unrecognized_keys']);
  });

  it('normalises contact details: lower-case email, https:// website, blank optionals become null', () => {
    expect(contactStepSchema.parse(contact)).toEqual({
      email: 'pay@acme.example',
      phone: '+1 (415) 555-0100',
      website: 'https://acme.example',
    });
    expect(contactStepSchema.parse({ email: 'a@b.example', phone: '', website: '' })).toEqual({
      email: 'a@b.example',
      phone: null,
      website: null,
    });
  });

  it('refuses a bad email, phone and website', () => {
    const result = contactStepSchema.safeParse({
      email: 'nope',
      phone: 'call me',
      website: 'javascript:alert(1)',
    });
    expect(errorsOf(result).sort()).toEqual(['email', 'phone', 'website']);
  });

  it('needs line1, city and a known ISO-2 country', () => {
    expect(
      errorsOf(addressStepSchema.safeParse({ ...address, line1: '', city: '', country: 'ZZ' })).sort(),
    ).toEqual(['city', 'country', 'line1']);
    expect(addressStepSchema.parse(address)).toMatchObject({
      line2: null,
      state: null,
      postal_code: '94105',
      country: 'US',
    });
  });

  it('validates all three steps together for the final submit', () => {
    expect(businessDetailsSchema.safeParse({ ...business, ...contact, ...address }).success).toBe(true);
    expect(errorsOf(businessDetailsSchema.safeParse({ ...business, ...address }))).toContain('email');
  });

  it('lists exactly the fields of each step schema (the browser uses the lists)', () => {
    for (const step of STEP_ORDER) {
      expect(Object.keys(STEP_SCHEMAS[step].shape).sort()).toEqual([...STEP_FIELDS[step]].sort());
    }
    expect(stepOfField('email')).toBe('contact');
    expect(stepOfField('country')).toBe('address');
    expect(stepOfField('nope')).toBeNull();
  });
});
