import { processorDb as db, type DbTx } from '@/lib/db/client';
import { Prisma, type SandboxGatewayOperation } from '@/lib/db/generated/client';
import type { BookStatus, SandboxResponse } from './responses';

/**
 * The sandbox processors' book (table sandbox_gateway_operations): the only
 * code that queries it. It always runs on the processor pool (processorDb()), never in
 * a caller's transaction: a processor is another system, and what it did must
 * stand even if the caller rolls back.
 */
export type BookRow = SandboxGatewayOperation;

export interface NewOperation {
  gateway: string;
  reference: string;
  operation: SandboxResponse['operation'];
  parentId?: string;
  gatewayTransactionId: string;
  amount: number;
  currency: string;
  status: BookStatus;
  declineCode?: string;
  cardBrand?: string;
  cardLast4?: string;
  capturedAmount?: number;
  response: SandboxResponse;
}

export const isUniqueViolation = (err: unknown): boolean =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

export function findByReference(
  gateway: string,
  reference: string,
  client: DbTx = db(),
): Promise<BookRow | null> {
  return client.sandboxGatewayOperation.findUnique({ where: { gateway_reference: { gateway, reference } } });
}

export function insertOperation(op: NewOperation, client: DbTx = db()): Promise<BookRow> {
  return client.sandboxGatewayOperation.create({
    data: {
      gateway: op.gateway,
      reference: op.reference,
      operation: op.operation,
      parentId: op.parentId ?? null,
      gatewayTransactionId: op.gatewayTransactionId,
      amount: BigInt(op.amount),
      currency: op.currency,
      status: op.status,
      declineCode: op.declineCode ?? null,
      cardBrand: op.cardBrand ?? null,
      cardLast4: op.cardLast4 ?? null,
      capturedAmount: BigInt(op.capturedAmount ?? 0),
      response: op.response as unknown as Prisma.InputJsonObject,
    },
  });
}

/**
 * Completes 3-D Secure on an authorization waiting for it: only a row still in
 * requires_action moves (two completions racing leave one winner).
 */
export async function completeAuthentication(
  id: string,
  capturedAmount: number,
  response: SandboxResponse,
): Promise<void> {
  await db().sandboxGatewayOperation.updateMany({
    where: { id, status: 'requires_action' },
    data: {
      status: 'approved',
      capturedAmount: BigInt(capturedAmount),
      response: response as unknown as Prisma.InputJsonObject,
    },
  });
}

/**
 * Runs `work` with the authorization row locked (SELECT ... FOR UPDATE), so a
 * capture, void or refund checks its bounds against totals nobody else is
 * changing. `work` gets null when the processor has no such authorization.
 */
export function withAuthorizationLocked<T>(
  gateway: string,
  gatewayTransactionId: string,
  work: (tx: DbTx, authorization: BookRow | null) => Promise<T>,
): Promise<T> {
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM sandbox_gateway_operations
       WHERE gateway = ${gateway} AND gateway_transaction_id = ${gatewayTransactionId} AND operation = 'authorize'
       FOR UPDATE`;
    const id = locked[0]?.id;
    const row = id ? await tx.sandboxGatewayOperation.findUnique({ where: { id } }) : null;
    return work(tx, row);
  });
}

export async function updateTotals(
  tx: DbTx,
  id: string,
  totals: { capturedAmount?: number; refundedAmount?: number; voided?: boolean },
): Promise<void> {
  await tx.sandboxGatewayOperation.update({
    where: { id },
    data: {
      ...(totals.capturedAmount !== undefined && { capturedAmount: BigInt(totals.capturedAmount) }),
      ...(totals.refundedAmount !== undefined && { refundedAmount: BigInt(totals.refundedAmount) }),
      ...(totals.voided !== undefined && { voided: totals.voided }),
    },
  });
}
