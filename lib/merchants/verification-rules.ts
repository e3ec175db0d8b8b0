/**
 * The simulated identity check (docs/accounts.md), with test tax ids in the
 * manner of Stripe's test values. Separators are ignored: "000-00-0000" is the
 * same test id as "000000000".
 *
 *   000000000  verified
 *   111111111  failed, with a note the merchant sees and can act on
 *   222222222  pending: waits for a platform admin's manual review
 *   anything else  verified
 */
export type VerificationStatus = 'unverified' | 'pending' | 'verified' | 'failed';

export interface VerificationDecision {
  verificationStatus: Exclude<VerificationStatus, 'unverified'>;
  notes: string | null;
}

export const TEST_TAX_IDS = {
  verified: '000000000',
  failed: '111111111',
  pending: '222222222',
} as const;

export const VERIFICATION_NOTES = {
  failed: 'The tax ID could not be verified',
  pending: 'Your details are being reviewed by our team',
} as const;

export function normalizeTaxId(taxId: string): string {
  return taxId.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

export function decideVerification(taxId: string | null | undefined): VerificationDecision {
  const id = normalizeTaxId(taxId ?? '');
  if (id === TEST_TAX_IDS.failed) return { verificationStatus: 'failed', notes: VERIFICATION_NOTES.failed };
  if (id === TEST_TAX_IDS.pending)
    return { verificationStatus: 'pending', notes: VERIFICATION_NOTES.pending };
  if (!id) return { verificationStatus: 'failed', notes: 'A tax ID is required for verification' };
  return { verificationStatus: 'verified', notes: null };
}

/**
 * The account status that goes with a decision. Only a pending account is
 * activated: suspension and closure are a platform admin's decisions and a
 * re-verification never undoes them. A failed re-check of an active account
 * leaves it active but no longer verified, which is enough to stop live mode.
 */
export function nextMerchantStatus(current: string, decision: VerificationDecision): string {
  if (decision.verificationStatus === 'verified' && current === 'pending') return 'active';
  return current;
}

/** Live mode needs an active, verified merchant (the same rule as lib/auth/current.ts). */
export function liveModeAllowed(merchant: { status: string; verificationStatus: string | null }): boolean {
  return merchant.status === 'active' && merchant.verificationStatus === 'verified';
}
