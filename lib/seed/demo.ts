import type { FeeStructure } from '@/lib/fees/compute-fee';

/**
 * The fixed demo accounts. The passwords are public (printed by the seed and
 * written in docs/seed.md): a seeded database is for demos and development only,
 * which is why scripts/seed.ts refuses production-looking databases.
 */
export const DEMO_OWNER = {
  email: 'demo@example.com',
  password: 'demo-password-123',
  name: 'Alex Morgan',
} as const;

export const DEMO_ADMIN = {
  email: 'admin@example.com',
  password: 'admin-password-123',
  name: 'Platform Admin',
} as const;

/** Owners of the other generated merchants share this password (and one hash). */
export const OTHER_OWNER_PASSWORD = DEMO_OWNER.password;

export const DEMO_FEES: FeeStructure = { percent_bps: 290, fixed: 30 };

export const DEMO_MERCHANT = {
  businessName: 'Acme Outfitters',
  legalName: 'Acme Outfitters LLC',
  businessType: 'llc',
  taxId: '84-1234567',
  email: 'payments@acme-outfitters.example',
  phone: '+14155550142',
  website: 'https://acme-outfitters.example',
  address: {
    line1: '500 Market Street',
    city: 'San Francisco',
    state: 'CA',
    postal_code: '94105',
    country: 'US',
  },
  currency: 'USD',
  status: 'active',
  verificationStatus: 'verified',
  riskLevel: 'low',
  feeStructure: DEMO_FEES,
} as const;
