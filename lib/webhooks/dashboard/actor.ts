import { ApiError } from '@/lib/api/errors';
import { recordAuditEvent, type AuditAction } from '@/lib/audit/record-audit-event';
import type { RequestContext } from '@/lib/auth/request-context';
import type { Mode } from '@/lib/auth/sessions';
import { db, type DbTx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import type { Scope } from '../repository';

/**
 * A team member acting on webhooks from Developers → Webhooks. The merchant
 * and mode are the session's (never the form's); every change is audited with
 * who did it, in the change's own transaction.
 */
export interface WebhookActor {
  merchantId: string;
  mode: Mode;
  userId: string;
  email: string;
  context: RequestContext;
}

export const scopeOf = (actor: Pick<WebhookActor, 'merchantId' | 'mode'>): Scope => ({
  merchantId: actor.merchantId,
  livemode: actor.mode === 'live',
});

/**
 * Runs `change` in one transaction and audits it there. A refusal (ApiError:
 * a URL the SSRF rules refuse, a disabled endpoint, the endpoint limit) rolls
 * the change back, is audited as a failure on its own, and is rethrown for
 * the form to show.
 */
export async function auditedWebhookChange<T>(
  actor: WebhookActor,
  action: AuditAction,
  /** The id, or (for a create) how to read it from the result; a failed create has none. */
  target: { type: 'webhook_endpoint' | 'event'; id: string | ((result: NoInfer<T>) => string) },
  details: Prisma.InputJsonObject,
  change: (tx: DbTx, scope: Scope) => Promise<T>,
): Promise<T> {
  const audit = (outcome: 'success' | 'failure', extra: Prisma.InputJsonObject = {}, targetId?: string) => ({
    action,
    outcome,
    actorUserId: actor.userId,
    actorEmail: actor.email,
    merchantId: actor.merchantId,
    targetType: target.type,
    ...(targetId !== undefined ? { targetId } : {}),
    context: actor.context,
    details: { ...details, livemode: actor.mode === 'live', ...extra },
  });
  try {
    return await db().$transaction(async (tx) => {
      const result = await change(tx, scopeOf(actor));
      const id = typeof target.id === 'function' ? target.id(result) : target.id;
      await recordAuditEvent(audit('success', {}, id), tx);
      return result;
    });
  } catch (err) {
    if (err instanceof ApiError) {
      const id = typeof target.id === 'string' ? target.id : undefined;
      await recordAuditEvent(audit('failure', { error: err.options.code ?? err.type }, id));
    }
    throw err;
  }
}
