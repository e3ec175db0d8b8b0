import type { DbTx } from '@/lib/db/client';

/**
 * Recomputes `merchant_monthly_stats` (the dashboard's monthly analytics).
 * CONCURRENTLY keeps the view readable while it refreshes (it needs the view's
 * unique index, which the migration creates), but PostgreSQL refuses it for a
 * view that has never been populated; that one time a plain refresh is used.
 */
export async function refreshMonthlyStats(
  client: Pick<DbTx, '$queryRaw' | '$executeRaw'>,
): Promise<{ concurrently: boolean }> {
  const [view] = await client.$queryRaw<{ populated: boolean }[]>`
    SELECT ispopulated AS populated FROM pg_matviews WHERE matviewname = 'merchant_monthly_stats'`;
  if (!view) throw new Error('materialized view merchant_monthly_stats does not exist; are migrations applied?');
  if (view.populated) {
    await client.$executeRaw`REFRESH MATERIALIZED VIEW CONCURRENTLY merchant_monthly_stats`;
  } else {
    await client.$executeRaw`REFRESH MATERIALIZED VIEW merchant_monthly_stats`;
  }
  return { concurrently: view.populated };
}
