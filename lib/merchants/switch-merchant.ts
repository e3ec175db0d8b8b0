import { updateSession } from '@/lib/auth/sessions';
import { db } from '@/lib/db/client';
import { MerchantNotFoundError } from './errors';

/**
 * Points the session at another merchant the user belongs to, in test mode
 * (live mode is a per-merchant decision the user makes again). An id the user
 * is not a member of is "not found", whether or not it exists.
 */
export async function switchMerchant(sessionId: string, userId: string, merchantId: string): Promise<void> {
  const membership = await db().merchantMember.findUnique({
    where: { merchantId_userId: { merchantId, userId } },
    select: { merchantId: true },
  });
  if (!membership) throw new MerchantNotFoundError();
  await updateSession(sessionId, { merchantId, mode: 'test' });
}
