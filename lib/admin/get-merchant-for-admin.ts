import { db, type DbTx } from '@/lib/db/client';
import { ROLES } from '@/lib/auth/permissions';
import { isUuid } from './uuid';

/**
 * One merchant as the platform console shows it: its details, team and the
 * most recent audit events that name it. Null when there is no such merchant
 * (or the id is not even a UUID), which the page answers with 404.
 */
export const RECENT_EVENTS = 20;

export async function getMerchantForAdmin(merchantId: string, tx: DbTx = db()) {
  if (!isUuid(merchantId)) return null;
  const merchant = await tx.merchant.findUnique({
    where: { id: merchantId },
    select: {
      id: true,
      businessName: true,
      legalName: true,
      businessType: true,
      taxId: true,
      email: true,
      phone: true,
      website: true,
      address: true,
      currency: true,
      status: true,
      verificationStatus: true,
      verificationNotes: true,
      riskLevel: true,
      createdAt: true,
      updatedAt: true,
      members: {
        select: { role: true, createdAt: true, user: { select: { userId: true, email: true, name: true } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  if (!merchant) return null;
  const events = await tx.auditLog.findMany({
    where: { merchantId },
    orderBy: { id: 'desc' },
    take: RECENT_EVENTS,
  });
  // Owners first, then by role rank, then by who joined first.
  const rank = (role: string) => {
    const i = (ROLES as readonly string[]).indexOf(role);
    return i < 0 ? ROLES.length : i;
  };
  const members = [...merchant.members].sort((a, b) => rank(a.role) - rank(b.role));
  return { ...merchant, members, events };
}

export type AdminMerchantDetail = NonNullable<Awaited<ReturnType<typeof getMerchantForAdmin>>>;
