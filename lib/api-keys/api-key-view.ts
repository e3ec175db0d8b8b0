import type { MerchantApiKey } from '@/lib/db/generated/client';
import { parsePermissions, type PermissionMap } from './permissions';
import type { KeyEnvironment, KeyType } from './key-format';

/** What the dashboard shows of a key: never the key, never its hash. */
export interface ApiKeyView {
  id: string;
  name: string | null;
  type: KeyType;
  environment: KeyEnvironment;
  prefix: string;
  permissions: PermissionMap | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  rolledFrom: string | null;
  status: ApiKeyStatus;
}

export type ApiKeyStatus = 'active' | 'expiring' | 'expired' | 'revoked';

export function keyStatus(
  row: Pick<MerchantApiKey, 'isActive' | 'revokedAt' | 'expiresAt'>,
  now: Date,
): ApiKeyStatus {
  if (row.revokedAt || row.isActive === false) return 'revoked';
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return row.expiresAt ? 'expiring' : 'active';
}

export function toApiKeyView(row: MerchantApiKey, now: Date): ApiKeyView {
  const type = row.keyType as KeyType;
  return {
    id: row.id,
    name: row.name,
    type,
    environment: row.environment as KeyEnvironment,
    prefix: row.keyPrefix,
    permissions: type === 'restricted' ? parsePermissions(row.permissions) : null,
    createdAt: row.createdAt ?? now,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    rolledFrom: row.rolledFrom,
    status: keyStatus(row, now),
  };
}
