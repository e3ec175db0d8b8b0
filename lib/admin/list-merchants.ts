import { db, type DbTx } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { containsPattern } from './like-pattern';
import type { MerchantStatus, VerificationStatus } from './merchant-status';

/**
 * The platform console's merchant list: every merchant (operators are not
 * scoped to one), searched by business name, merchant email, a member's email
 * or (part of) the id, filtered by status and verification, newest first.
 */
export const MERCHANTS_PAGE_SIZE = 25;

export interface MerchantListFilters {
  query?: string;
  status?: MerchantStatus;
  verification?: VerificationStatus;
  /** 1-based. */
  page?: number;
}

export interface MerchantListRow {
  id: string;
  businessName: string;
  email: string;
  status: string;
  verificationStatus: string | null;
  createdAt: Date | null;
  memberCount: number;
}

export interface MerchantListPage {
  rows: MerchantListRow[];
  total: number;
  page: number;
  pageCount: number;
}

function whereClause(filters: MerchantListFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const query = filters.query?.trim();
  if (query) {
    // Every value is a bound parameter; the pattern is escaped so `%` and `_` match literally.
    const pattern = containsPattern(query);
    conditions.push(Prisma.sql`(
      m.business_name ILIKE ${pattern}
      OR m.email ILIKE ${pattern}
      OR m.id::text ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM merchant_members mm JOIN users u ON u.user_id = mm.user_id
                  WHERE mm.merchant_id = m.id AND u.email ILIKE ${pattern})
    )`);
  }
  if (filters.status) conditions.push(Prisma.sql`m.status = ${filters.status}`);
  if (filters.verification) conditions.push(Prisma.sql`m.verification_status = ${filters.verification}`);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}

export async function listMerchants(
  filters: MerchantListFilters,
  tx: DbTx = db(),
): Promise<MerchantListPage> {
  const where = whereClause(filters);
  const [{ total }] = await tx.$queryRaw<
    [{ total: number }]
  >`SELECT count(*)::int AS total FROM merchants m ${where}`;
  const pageCount = Math.max(1, Math.ceil(total / MERCHANTS_PAGE_SIZE));
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const rows = await tx.$queryRaw<MerchantListRow[]>`
    SELECT m.id, m.business_name AS "businessName", m.email, m.status,
           m.verification_status AS "verificationStatus", m.created_at AS "createdAt",
           (SELECT count(*) FROM merchant_members mm WHERE mm.merchant_id = m.id)::int AS "memberCount"
      FROM merchants m
      ${where}
     ORDER BY m.created_at DESC NULLS LAST, m.id
     LIMIT ${MERCHANTS_PAGE_SIZE} OFFSET ${(page - 1) * MERCHANTS_PAGE_SIZE}`;
  return { rows, total, page, pageCount };
}
