import { ApiError } from '@/lib/api/errors';
import { recordAuditEvent, type AuditAction } from '@/lib/audit/record-audit-event';
import type { RequestContext } from '@/lib/auth/request-context';
import type { Mode } from '@/lib/auth/sessions';
import { db, type DbTx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import type { Scope } from '../repository';

/**
 * A team member acting on a payment from the dashboard. The merchant and mode
 * are the session's (never the form's); every change is audited with who did
 * it, in the change's own transaction.
 */
export interface PaymentActor {
  merchantId: string;
  mode: Mode;
  userId: string;
  email: string;
  context: RequestContext;
}

export const scopeOf = (actor: PaymentActor): Scope => ({
  merchantId: actor.merchantId,
  livemode: actor.mode === 'live',
});

/** A payment action's problem with what was typed, shown next to the field. */
export class PaymentFormError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'PaymentFormError';
  }
}

/**
 * Runs `change` in one transaction and audits it there. A domain refusal
 * (ApiError: too large, wrong state, declined by the processor) rolls the
 * change back and is audited as a failure on its own, then rethrown for the
 * form to show.
 */
export async function auditedPaymentChange<T>(
  actor: PaymentActor,
  action: AuditAction,
  paymentId: string,
  details: Prisma.InputJsonObject,
  change: (tx: DbTx, scope: Scope) => Promise<T>,
): Promise<T> {
  const audit = (outcome: 'success' | 'failure', extra: Prisma.InputJsonObject = {}) => ({
    action,
    outcome,
    actorUserId: actor.userId,
    actorEmail: actor.email,
    merchantId: actor.merchantId,
    targetType: 'payment_intent',
    targetId: paymentId,
    context: actor.context,
    details: { ...details, livemode: actor.mode === 'live', ...extra },
  });
  try {
    return await db().$transaction(async (tx) => {
      const result = await change(tx, scopeOf(actor));
      await recordAuditEvent(audit('success'), tx);
      return result;
    });
  } catch (err) {
    if (err instanceof ApiError) {
      await recordAuditEvent(audit('failure', { error: err.options.code ?? err.type }));
    }
    throw err;
  }
}
