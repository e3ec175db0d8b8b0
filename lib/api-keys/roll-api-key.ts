import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import type { ApiKeyActor } from './actor';
import { forgetApiKeyLookups } from './auth-cache';
import { keyStatus, toApiKeyView, type ApiKeyView } from './api-key-view';
import { ApiKeyNotFoundError, ApiKeyNotRollableError } from './errors';
import { hashApiKey } from './hash-api-key';
import { generateApiKey, keyPrefix, type KeyEnvironment, type KeyType } from './key-format';

/**
 * Rolls a key: a new key of the same type, environment, name and permissions
 * is issued (returned once), and the old one keeps working until the chosen
 * moment, so an integrator can deploy the new key before the old one stops.
 */
const HOUR = 3_600_000;
export const ROLL_DELAYS = {
  now: 0,
  '1h': HOUR,
  '24h': 24 * HOUR,
  '3d': 72 * HOUR,
  '7d': 168 * HOUR,
} as const;
export type RollDelay = keyof typeof ROLL_DELAYS;

export const ROLL_DELAY_LABELS: Record<RollDelay, string> = {
  now: 'Now',
  '1h': 'In 1 hour',
  '24h': 'In 24 hours',
  '3d': 'In 3 days',
  '7d': 'In 7 days',
};

export const rollApiKeySchema = z
  .object({
    keyId: z.uuid(),
    expires_in: z.enum(Object.keys(ROLL_DELAYS) as [RollDelay, ...RollDelay[]]),
  })
  .strict();

export async function rollApiKey(
  actor: ApiKeyActor,
  keyId: string,
  delay: RollDelay,
): Promise<{ key: string; apiKey: ApiKeyView; oldExpiresAt: Date }> {
  const now = clock.now();
  const result = await db().$transaction(async (tx) => {
    // Scoped by merchant: another merchant's key is simply not found. FOR
    // UPDATE so two concurrent rolls of one key cannot both issue a new key.
    const [old] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM merchant_api_keys
       WHERE id = ${keyId}::uuid AND merchant_id = ${actor.merchantId}::uuid
       FOR UPDATE`;
    if (!old) throw new ApiKeyNotFoundError();
    const row = await tx.merchantApiKey.findUniqueOrThrow({ where: { id: old.id } });
    if (keyStatus(row, now) === 'revoked' || keyStatus(row, now) === 'expired')
      throw new ApiKeyNotRollableError();

    const wanted = new Date(now.getTime() + ROLL_DELAYS[delay]);
    // A key already due to expire sooner keeps its earlier expiry.
    const oldExpiresAt = row.expiresAt && row.expiresAt < wanted ? row.expiresAt : wanted;
    await tx.merchantApiKey.update({ where: { id: row.id }, data: { expiresAt: oldExpiresAt } });

    const key = generateApiKey(row.keyType as KeyType, row.environment as KeyEnvironment);
    const created = await tx.merchantApiKey.create({
      data: {
        merchantId: actor.merchantId,
        keyHash: hashApiKey(key),
        keyPrefix: keyPrefix(key),
        keyType: row.keyType,
        environment: row.environment,
        name: row.name,
        permissions: row.permissions,
        rolledFrom: row.id,
        createdBy: actor.userId,
        createdAt: now,
      },
    });
    await recordAuditEvent(
      {
        action: 'api_key.rolled',
        outcome: 'success',
        actorUserId: actor.userId,
        actorEmail: actor.email,
        merchantId: actor.merchantId,
        targetType: 'api_key',
        targetId: row.id,
        context: actor.context,
        details: {
          prefix: row.keyPrefix,
          newKeyId: created.id,
          newPrefix: created.keyPrefix,
          oldExpiresAt: oldExpiresAt.toISOString(),
        },
      },
      tx,
    );
    return { key, apiKey: toApiKeyView(created, now), oldExpiresAt, oldHash: row.keyHash };
  });
  // After the commit: the old key's cached lookup still carries no expiry.
  await forgetApiKeyLookups([result.oldHash]);
  return { key: result.key, apiKey: result.apiKey, oldExpiresAt: result.oldExpiresAt };
}
