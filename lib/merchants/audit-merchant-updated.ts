import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestContext } from '@/lib/auth/request-context';
import type { DbTx } from '@/lib/db/client';
import type { Actor } from './verify-merchant';

/** The audit row of a change to a merchant's settings, naming the fields changed (never their values). */
export function auditMerchantUpdated(
  tx: DbTx,
  merchantId: string,
  changed: string[],
  actor: Actor,
  context: RequestContext,
) {
  return recordAuditEvent(
    {
      action: 'merchant.updated',
      outcome: 'success',
      actorUserId: actor.userId,
      actorEmail: actor.email,
      merchantId,
      targetType: 'merchant',
      targetId: merchantId,
      context,
      details: { fields: changed },
    },
    tx,
  );
}
