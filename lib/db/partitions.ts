import type { DbTx } from '@/lib/db/client';

/**
 * `transactions` is partitioned by month (prisma/migrations/*_init). Rows for a
 * month without its own partition fall into `transactions_default`, and a month
 * that already has rows there can no longer be split out; so the worker creates
 * partitions ahead of time, and this runs long before a month begins.
 */

type RawClient = Pick<DbTx, '$queryRaw' | '$executeRaw'>;

/** The first instant (UTC) of `from`'s month and of the `count - 1` months after it. */
export function monthStarts(from: Date, count: number): Date[] {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth();
  // Date.UTC rolls month 12 over into January of the next year.
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(year, month + i, 1)));
}

/** The name create_monthly_partition gives a month's partition: transactions_2026_01. */
export function partitionName(table: string, monthStart: Date): string {
  const month = String(monthStart.getUTCMonth() + 1).padStart(2, '0');
  return `${table}_${monthStart.getUTCFullYear()}_${month}`;
}

/**
 * Creates the partitions of `from`'s month through `monthsAhead` months later that
 * do not exist yet; returns the names it created. Safe to run any number of times.
 */
export async function ensureTransactionPartitions(
  client: RawClient,
  opts: { from: Date; monthsAhead: number },
): Promise<string[]> {
  const created: string[] = [];
  for (const start of monthStarts(opts.from, opts.monthsAhead + 1)) {
    const name = partitionName('transactions', start);
    const [row] = await client.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass(${name}) IS NOT NULL AS "exists"`;
    if (row?.exists) continue;
    const day = start.toISOString().slice(0, 10);
    await client.$executeRaw`SELECT create_monthly_partition('transactions', ${day}::date)`;
    created.push(name);
  }
  return created;
}
