import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestContext } from '@/lib/auth/request-context';
import { db } from '@/lib/db/client';
import { queueMail } from '@/lib/mail/queue-mail';
import { invalidateMerchantCache } from '@/lib/merchants/merchant-cache';
import { TRANSITIONS, planTransition, type MerchantStatus, type StatusAction } from './merchant-status';
import { statusMail } from './status-mail';
import { isUuid } from './uuid';

/**
 * A platform operator approves, suspends, reactivates or closes a merchant.
 *
 * The plan is made from the status read in the transaction, and the UPDATE is
 * conditional on that same status (WHERE status = expected): if another
 * operator changed it in between, our UPDATE matches no row and we refuse
 * instead of overwriting their decision. The audit row and the owners' mail are
 * written in the same transaction, so they exist exactly when the change does.
 */
export interface StatusChangeInput {
  merchantId: string;
  action: StatusAction;
  /** Required to suspend; kept in the audit log and told to the owners. */
  reason?: string;
  /** Required to close: the business name, typed by the operator. */
  confirmation?: string;
}

export interface Operator {
  userId: string;
  email: string;
}

export class MerchantNotFoundError extends Error {
  constructor() {
    super('Merchant not found.');
  }
}

export type RefusalCode = 'illegal_transition' | 'conflict' | 'reason_required' | 'confirmation_mismatch';

export class StatusChangeRefusedError extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

export interface StatusChangeResult {
  businessName: string;
  from: MerchantStatus;
  to: MerchantStatus;
}

export async function changeMerchantStatus(
  input: StatusChangeInput,
  operator: Operator,
  context?: RequestContext,
): Promise<StatusChangeResult> {
  if (!isUuid(input.merchantId)) throw new MerchantNotFoundError();
  const reason = input.reason?.trim() || null;
  const audit = {
    actorUserId: operator.userId,
    actorEmail: operator.email,
    merchantId: input.merchantId,
    context,
  };
  const target = { targetType: 'merchant', targetId: input.merchantId };
  try {
    const result = await db().$transaction(async (tx) => {
      const merchant = await tx.merchant.findUnique({
        where: { id: input.merchantId },
        select: { businessName: true, status: true, verificationStatus: true },
      });
      if (!merchant) throw new MerchantNotFoundError();

      const plan = planTransition(input.action, merchant.status);
      if (!plan.ok) throw new StatusChangeRefusedError('illegal_transition', plan.message);
      const transition = TRANSITIONS[input.action];
      if (transition.requiresReason && !reason) {
        throw new StatusChangeRefusedError('reason_required', 'Give a reason: the owners are told why.');
      }
      if (transition.requiresConfirmation && input.confirmation?.trim() !== merchant.businessName) {
        throw new StatusChangeRefusedError(
          'confirmation_mismatch',
          `Type the business name exactly (${merchant.businessName}) to confirm.`,
        );
      }

      // Approving is the operator's verification decision: verified, notes cleared.
      const verification =
        input.action === 'approve' ? { verificationStatus: 'verified', verificationNotes: null } : {};
      const { count } = await tx.merchant.updateMany({
        where: { id: input.merchantId, status: plan.from },
        data: { status: plan.to, ...verification },
      });
      if (count !== 1) {
        throw new StatusChangeRefusedError(
          'conflict',
          "Someone else changed this merchant's status a moment ago. Reload the page to see where it stands.",
        );
      }

      await recordAuditEvent(
        {
          action: 'merchant.status_changed',
          outcome: 'success',
          ...audit,
          ...target,
          details: {
            action: input.action,
            before: plan.from,
            after: plan.to,
            reason,
            ...(input.action === 'approve'
              ? { verification_before: merchant.verificationStatus, verification_after: 'verified' }
              : {}),
          },
        },
        tx,
      );

      const owners = await tx.merchantMember.findMany({
        where: { merchantId: input.merchantId, role: 'owner' },
        select: { user: { select: { userId: true, email: true } } },
      });
      const mail = statusMail(input.action, merchant.businessName, reason);
      for (const { user } of owners) {
        await queueMail(
          {
            ...mail,
            to: user.email,
            kind: 'merchant_status',
            userId: user.userId,
            merchantId: input.merchantId,
          },
          tx,
        );
      }
      return { businessName: merchant.businessName, from: plan.from, to: plan.to };
    });
    // After the commit: a reader that refills the cache in between sees the new row.
    await invalidateMerchantCache(input.merchantId);
    return result;
  } catch (err) {
    if (err instanceof StatusChangeRefusedError) {
      // The transaction rolled back; the refused attempt is still worth a line in the log.
      await recordAuditEvent({
        action: 'merchant.status_changed',
        outcome: 'failure',
        ...audit,
        ...target,
        details: { action: input.action, refused: err.code, reason },
      });
    }
    throw err;
  }
}
