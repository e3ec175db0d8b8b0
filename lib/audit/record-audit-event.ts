import type { Prisma } from '@/lib/db/generated/client';
import { db, type DbTx } from '@/lib/db/client';
import type { RequestContext } from '@/lib/auth/request-context';

/**
 * Appends one row to the audit log. The table refuses UPDATE and DELETE (a
 * trigger, for every role), so what is written here stays written. Pass the
 * transaction of the change being audited so both commit or neither does.
 */
export type AuditAction =
  | 'user.sign_up'
  | 'user.sign_in'
  | 'user.sign_out'
  | 'user.locked'
  | 'user.password_changed'
  | 'user.two_factor_enabled'
  | 'user.two_factor_disabled'
  | 'user.recovery_codes_regenerated'
  | 'session.revoked'
  | 'session.revoked_all'
  | 'merchant.created'
  | 'merchant.updated'
  | 'merchant.verification'
  | 'merchant.status_changed'
  | 'member.invited'
  | 'member.invitation_revoked'
  | 'member.joined'
  | 'member.role_changed'
  | 'member.removed'
  | 'api_key.created'
  | 'api_key.rolled'
  | 'api_key.revoked'
  | 'payment.refund'
  | 'payment.capture'
  | 'payment.cancel'
  | 'webhook_endpoint.created'
  | 'webhook_endpoint.updated'
  | 'webhook_endpoint.deleted'
  | 'webhook_endpoint.secret_revealed'
  | 'webhook_endpoint.secret_rolled'
  | 'webhook_endpoint.test_event_sent'
  | 'webhook_event.resent'
  | 'permission.denied'
  | 'csrf.rejected';

export interface AuditEvent {
  action: AuditAction;
  outcome: 'success' | 'failure' | 'denied';
  actorUserId?: string | null;
  actorEmail?: string | null;
  merchantId?: string | null;
  targetType?: string;
  targetId?: string;
  context?: RequestContext;
  details?: Prisma.InputJsonObject;
}

export async function recordAuditEvent(event: AuditEvent, tx: DbTx = db()): Promise<void> {
  await tx.auditLog.create({
    data: {
      action: event.action,
      outcome: event.outcome,
      actorUserId: event.actorUserId ?? null,
      actorEmail: event.actorEmail ?? null,
      merchantId: event.merchantId ?? null,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      ip: event.context?.ip ?? null,
      userAgent: event.context?.userAgent ?? null,
      details: event.details ?? {},
    },
  });
}
