import { db } from '@/lib/db/client';
import { isRole, type Role } from '@/lib/auth/permissions';

export interface Membership {
  merchantId: string;
  businessName: string;
  role: Role;
}

/** The merchants a user belongs to, oldest membership first (the switcher's list). */
export async function listMemberships(userId: string): Promise<Membership[]> {
  const rows = await db().merchantMember.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { role: true, merchant: { select: { id: true, businessName: true } } },
  });
  return rows.flatMap((r) =>
    isRole(r.role)
      ? [{ merchantId: r.merchant.id, businessName: r.merchant.businessName, role: r.role }]
      : [],
  );
}
