import { Prisma } from '@/lib/db/generated/client';
import type { Refund } from '@/lib/db/generated/client';
import type { DbTx } from '@/lib/db/client';
import { createdCondition, inOrder, pageIds, type PageRequest } from '@/lib/api/list';
import type { TimestampRange } from '@/lib/api/params';
import type { Scope } from '@/lib/payments/repository';

/** The only code that queries `refunds`; every function is scoped by merchant and mode. */
export type RefundRow = Refund;

export function insertRefund(tx: DbTx, data: Prisma.RefundUncheckedCreateInput): Promise<RefundRow> {
  return tx.refund.create({ data });
}

export function findRefund(tx: DbTx, scope: Scope, id: string): Promise<RefundRow | null> {
  return tx.refund.findFirst({ where: { id, merchantId: scope.merchantId, livemode: scope.livemode } });
}

export function updateRefundRow(
  tx: DbTx,
  id: string,
  data: Prisma.RefundUncheckedUpdateInput,
): Promise<RefundRow> {
  return tx.refund.update({ where: { id }, data });
}

export async function pageRefunds(
  tx: DbTx,
  scope: Scope,
  filter: { paymentId?: string; created?: TimestampRange },
  page: PageRequest,
) {
  const conditions = [
    Prisma.sql`merchant_id = ${scope.merchantId}::uuid`,
    Prisma.sql`livemode = ${scope.livemode}`,
    ...(filter.paymentId !== undefined ? [Prisma.sql`transaction_id = ${filter.paymentId}::uuid`] : []),
    ...createdCondition(filter.created),
  ];
  const result = await pageIds(tx, Prisma.raw('refunds'), conditions, page);
  if (!result) return null;
  const rows = await tx.refund.findMany({ where: { id: { in: result.ids } } });
  return { rows: inOrder(result.ids, rows), hasMore: result.hasMore };
}
