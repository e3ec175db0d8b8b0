import type { DbTx } from '@/lib/db/client';

/** What the hosted pages (checkout, 3-D Secure challenge) show of a merchant. */
export interface MerchantBranding {
  name: string;
  brandColor: string | null;
  logoUrl: string | null;
  /** merchants.status: only an `active` merchant takes payments on the hosted pages. */
  status: string;
}

export async function getMerchantBranding(tx: DbTx, merchantId: string): Promise<MerchantBranding | null> {
  const m = await tx.merchant.findUnique({
    where: { id: merchantId },
    select: { businessName: true, brandColor: true, logoUrl: true, status: true },
  });
  return m ? { name: m.businessName, brandColor: m.brandColor, logoUrl: m.logoUrl, status: m.status } : null;
}
