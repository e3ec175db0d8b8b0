import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestContext } from '@/lib/auth/request-context';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { addressOf, type BusinessDetails } from './business-schema';
import { MerchantEmailTakenError } from './errors';
import { invalidateMerchantCache } from './merchant-cache';
import { verifyMerchant, type Actor } from './verify-merchant';
import type { VerificationDecision } from './verification-rules';

/**
 * Onboarding's final step: the merchant (pending, unverified), its owner (the
 * signed-in user) and the audit row, then the simulated verification, all in
 * one transaction — a merchant never exists without its owner or its record.
 * Test mode works at once; live mode waits for an active, verified account.
 */
export async function createMerchant(
  details: BusinessDetails,
  owner: Actor,
  context: RequestContext,
): Promise<{ merchantId: string; verification: VerificationDecision & { status: string } }> {
  try {
    const result = await db().$transaction(async (tx) => {
      const merchant = await tx.merchant.create({
        data: {
          businessName: details.business_name,
          legalName: details.legal_name,
          businessType: details.business_type,
          taxId: details.tax_id,
          email: details.email,
          phone: details.phone,
          website: details.website,
          address: { ...addressOf(details) },
          currency: details.currency,
          status: 'pending',
          verificationStatus: 'unverified',
        },
        select: { id: true },
      });
      await tx.merchantMember.create({
        data: { merchantId: merchant.id, userId: owner.userId, role: 'owner' },
      });
      await recordAuditEvent(
        {
          action: 'merchant.created',
          outcome: 'success',
          actorUserId: owner.userId,
          actorEmail: owner.email,
          merchantId: merchant.id,
          targetType: 'merchant',
          targetId: merchant.id,
          context,
          details: {
            business_name: details.business_name,
            business_type: details.business_type,
            country: details.country,
          },
        },
        tx,
      );
      const verification = await verifyMerchant(merchant.id, owner, context, tx);
      return { merchantId: merchant.id, verification };
    });
    // Every change drops the cache, creation included: cheap, and no path is left out.
    await invalidateMerchantCache(result.merchantId);
    return result;
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')
      throw new MerchantEmailTakenError();
    throw err;
  }
}
