import type { RequestContext } from '@/lib/auth/request-context';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { addressOf, type BusinessDetails, type MerchantAddress } from './business-schema';
import { auditMerchantUpdated } from './audit-merchant-updated';
import { MerchantEmailTakenError, MerchantNotFoundError } from './errors';
import { invalidateMerchantCache } from './merchant-cache';
import { normalizeTaxId, type VerificationDecision } from './verification-rules';
import { verifyMerchant, type Actor } from './verify-merchant';

// The details a verification looks at; changing one of them re-runs it.
const VERIFIED_FIELDS = ['legalName', 'businessType', 'taxId'] as const;

// JSONB does not keep key order, and a missing key equals an explicit null.
function sameAddress(stored: unknown, next: MerchantAddress): boolean {
  const a = (stored ?? {}) as Record<string, unknown>;
  const b = next as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/**
 * Settings → Business: saves the merchant's details. Verification runs again
 * when a detail it checks changed, or when the last check failed or never ran
 * (that is how a merchant corrects a failed verification). A merchant waiting
 * for manual review keeps waiting unless they change what is being reviewed.
 */
export async function updateBusinessDetails(
  merchantId: string,
  details: BusinessDetails,
  actor: Actor,
  context: RequestContext,
): Promise<{ changed: string[]; verification: (VerificationDecision & { status: string }) | null }> {
  try {
    const result = await db().$transaction(async (tx) => {
      // Row lock: two saves at once must not both decide on the old values.
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM merchants WHERE id = ${merchantId}::uuid FOR UPDATE`;
      if (!locked.length) throw new MerchantNotFoundError();
      const before = await tx.merchant.findUniqueOrThrow({ where: { id: merchantId } });
      const next = {
        businessName: details.business_name,
        legalName: details.legal_name,
        businessType: details.business_type,
        taxId: details.tax_id,
        email: details.email,
        phone: details.phone,
        website: details.website,
        address: addressOf(details),
        currency: details.currency,
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) =>
        k === 'address' ? !sameAddress(before.address, next.address) : before[k] !== next[k],
      );
      if (!changed.length) return { changed: [], verification: null };

      await tx.merchant.update({
        where: { id: merchantId },
        data: { ...next, address: { ...next.address } },
      });
      await auditMerchantUpdated(tx, merchantId, changed, actor, context);
      const checkedFieldChanged = VERIFIED_FIELDS.some((k) =>
        k === 'taxId'
          ? normalizeTaxId(before.taxId ?? '') !== normalizeTaxId(next.taxId)
          : changed.includes(k),
      );
      const needsCheck = before.verificationStatus !== 'verified' && before.verificationStatus !== 'pending';
      const verification =
        checkedFieldChanged || needsCheck ? await verifyMerchant(merchantId, actor, context, tx) : null;
      return { changed, verification };
    });
    await invalidateMerchantCache(merchantId);
    return result;
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')
      throw new MerchantEmailTakenError();
    throw err;
  }
}
