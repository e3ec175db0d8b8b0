import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import type { ApiKeyActor } from './actor';
import { forgetApiKeyLookups } from './auth-cache';
import { ApiKeyNotFoundError } from './errors';

/**
 * Revokes a key at once: revoked_at and is_active in PostgreSQL, then the
 * cached lookup is deleted, so no server accepts it on its next request.
 * Revoking a revoked key changes nothing.
 */
export const revokeApiKeySchema = z.object({ keyId: z.uuid() }).strict();

export async function revokeApiKey(actor: ApiKeyActor, keyId: string): Promise<{ prefix: string }> {
  const now = clock.now();
  const { keyHash, prefix } = await db().$transaction(async (tx) => {
    const row = await tx.merchantApiKey.findFirst({ where: { id: keyId, merchantId: actor.merchantId } });
    if (!row) throw new ApiKeyNotFoundError();
    if (!row.revokedAt) {
      await tx.merchantApiKey.update({ where: { id: row.id }, data: { revokedAt: now, isActive: false } });
      await recordAuditEvent(
        {
          action: 'api_key.revoked',
          outcome: 'success',
          actorUserId: actor.userId,
          actorEmail: actor.email,
          merchantId: actor.merchantId,
          targetType: 'api_key',
          targetId: row.id,
          context: actor.context,
          details: { prefix: row.keyPrefix, type: row.keyType, environment: row.environment },
        },
        tx,
      );
    }
    return { keyHash: row.keyHash, prefix: row.keyPrefix };
  });
  await forgetApiKeyLookups([keyHash]);
  return { prefix };
}
