import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import type { ApiKeyActor } from './actor';
import { toApiKeyView, type ApiKeyView } from './api-key-view';
import { LiveKeysUnavailableError, NoPermissionsGrantedError } from './errors';
import { hashApiKey } from './hash-api-key';
import {
  ENVIRONMENTS,
  generateApiKey,
  KEY_TYPES,
  keyPrefix,
  type KeyEnvironment,
  type KeyType,
} from './key-format';
import {
  grantsAnything,
  RESOURCES,
  serializePermissions,
  type PermissionMap,
  ACCESS_LEVELS,
} from './permissions';

/**
 * Issues a new API key. The full key is returned here and nowhere else: the
 * table keeps its HMAC (key_hash) and the first characters (key_prefix).
 */
export interface CreateApiKeyInput {
  type: KeyType;
  environment: KeyEnvironment;
  name: string;
  expiresAt?: Date | null;
  /** Restricted keys only. */
  permissions?: PermissionMap;
}

const level = z.enum(ACCESS_LEVELS).default('none');

/** The dashboard form: `perm_<resource>` fields carry a restricted key's levels. */
export const createApiKeySchema = z
  .object({
    type: z.enum(KEY_TYPES),
    name: z.string().trim().min(1, 'Give the key a name.').max(100, 'At most 100 characters.'),
    // A date (YYYY-MM-DD): the key stops working at 00:00 UTC that day. Empty: never.
    expires_on: z
      .string()
      .trim()
      .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Use a date like 2027-01-31.')
      .optional(),
    ...Object.fromEntries(RESOURCES.map((r) => [`perm_${r}`, level])),
  })
  .strict();

export type CreateApiKeyForm = z.infer<typeof createApiKeySchema>;

export function formToCreateInput(form: CreateApiKeyForm, environment: KeyEnvironment): CreateApiKeyInput {
  const fields = form as unknown as Record<string, string | undefined>;
  const permissions = Object.fromEntries(
    RESOURCES.map((r) => [r, fields[`perm_${r}`] ?? 'none']),
  ) as PermissionMap;
  return {
    type: form.type,
    environment,
    name: form.name,
    expiresAt: form.expires_on ? new Date(`${form.expires_on}T00:00:00Z`) : null,
    permissions: form.type === 'restricted' ? permissions : undefined,
  };
}

export class ExpiryInPastError extends Error {
  override name = 'ExpiryInPastError';
  constructor() {
    super('The expiry date must be in the future.');
  }
}

export async function createApiKey(
  actor: ApiKeyActor,
  input: CreateApiKeyInput,
): Promise<{ key: string; apiKey: ApiKeyView }> {
  if (!(ENVIRONMENTS as readonly string[]).includes(input.environment))
    throw new Error('invalid environment');
  const now = clock.now();
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) throw new ExpiryInPastError();
  let permissions: string[] = [];
  if (input.type === 'restricted') {
    if (!input.permissions || !grantsAnything(input.permissions)) throw new NoPermissionsGrantedError();
    permissions = serializePermissions(input.permissions);
  }

  return db().$transaction(async (tx) => {
    // Read in the transaction: live keys need an active, verified merchant now.
    const merchant = await tx.merchant.findUnique({
      where: { id: actor.merchantId },
      select: { status: true, verificationStatus: true },
    });
    if (!merchant) throw new Error('merchant not found');
    if (
      input.environment === 'live' &&
      !(merchant.status === 'active' && merchant.verificationStatus === 'verified')
    )
      throw new LiveKeysUnavailableError();

    const key = generateApiKey(input.type, input.environment);
    const row = await tx.merchantApiKey.create({
      data: {
        merchantId: actor.merchantId,
        keyHash: hashApiKey(key),
        keyPrefix: keyPrefix(key),
        keyType: input.type,
        environment: input.environment,
        name: input.name,
        permissions,
        expiresAt: input.expiresAt ?? null,
        createdBy: actor.userId,
        createdAt: now,
      },
    });
    await recordAuditEvent(
      {
        action: 'api_key.created',
        outcome: 'success',
        actorUserId: actor.userId,
        actorEmail: actor.email,
        merchantId: actor.merchantId,
        targetType: 'api_key',
        targetId: row.id,
        context: actor.context,
        // The prefix identifies the key to a reader; the key and its hash never go here.
        details: {
          prefix: row.keyPrefix,
          type: input.type,
          environment: input.environment,
          name: input.name,
          permissions,
          expiresAt: row.expiresAt?.toISOString() ?? null,
        },
      },
      tx,
    );
    return { key, apiKey: toApiKeyView(row, now) };
  });
}
