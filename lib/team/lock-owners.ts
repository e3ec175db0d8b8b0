import type { DbTx } from '@/lib/db/client';

/**
 * Locks the owner memberships of a merchant for the rest of the transaction
 * and returns their user ids. Demotions and removals take this lock before
 * counting owners, so two of them racing cannot each see "another owner
 * remains" and together leave the account with none.
 */
export async function lockOwners(tx: DbTx, merchantId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ user_id: string }[]>`
    SELECT user_id::text AS user_id FROM merchant_members
     WHERE merchant_id = ${merchantId}::uuid AND role = 'owner'
       FOR UPDATE`;
  return rows.map((r) => r.user_id);
}
