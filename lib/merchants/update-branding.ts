import type { RequestContext } from '@/lib/auth/request-context';
import { db } from '@/lib/db/client';
import type { Branding } from './branding-schema';
import { auditMerchantUpdated } from './audit-merchant-updated';
import { MerchantNotFoundError } from './errors';
import { invalidateMerchantCache } from './merchant-cache';
import type { Actor } from './verify-merchant';

/**
 * Settings → Business → Branding: saves the hosted checkout's brand colour and
 * logo URL, audited as a merchant update (like the other business details)
 * in the same transaction. Branding is not a verified detail: saving it never
 * re-runs verification.
 */
export async function updateBranding(
  merchantId: string,
  branding: Branding,
  actor: Actor,
  context: RequestContext,
): Promise<{ changed: string[] }> {
  const result = await db().$transaction(async (tx) => {
    const before = await tx.merchant.findUnique({
      where: { id: merchantId },
      select: { brandColor: true, logoUrl: true },
    });
    if (!before) throw new MerchantNotFoundError();
    const next = { brandColor: branding.brand_color, logoUrl: branding.logo_url };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => before[k] !== next[k]);
    if (!changed.length) return { changed };
    await tx.merchant.update({ where: { id: merchantId }, data: next });
    await auditMerchantUpdated(tx, merchantId, changed, actor, context);
    return { changed };
  });
  if (result.changed.length) await invalidateMerchantCache(merchantId);
  return result;
}
