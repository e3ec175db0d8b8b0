import { describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import {
  ApiKeyNotFoundError,
  LiveKeysUnavailableError,
  NoPermissionsGrantedError,
} from '@/lib/api-keys/errors';
import { hashApiKey } from '@/lib/api-keys/hash-api-key';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { parsePermissions } from '@/lib/api-keys/permissions';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { rollApiKey } from '@/lib/api-keys/roll-api-key';
import { one, query } from '@/tests/helpers/fixtures';
import { actorForNewMerchant } from './helpers';

/**
 * Key management against PostgreSQL: what is stored (only the HMAC and the
 * prefix), audit events without secrets, and tenancy: another merchant's key
 * is "not found" and stays unchanged.
 */
describe('creating a key', () => {
  it('returns the full key once and stores only its HMAC and prefix', async () => {
    const actor = await actorForNewMerchant();
    const { key, apiKey } = await createApiKey(actor, {
      type: 'secret',
      environment: 'test',
      name: 'Server',
    });
    expect(key).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
    expect(apiKey).toMatchObject({ type: 'secret', environment: 'test', name: 'Server', status: 'active' });
    expect(apiKey.prefix).toBe(key.slice(0, 12));

    const row = await one('SELECT * FROM merchant_api_keys WHERE id = $1', [apiKey.id]);
    expect(row.key_hash).toBe(hashApiKey(key));
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.key_prefix).toBe(key.slice(0, 12));
    expect(row.created_by).toBe(actor.userId);
    // The key itself is nowhere in the row.
    expect(JSON.stringify(row)).not.toContain(key.slice(12));

    const audit = await one(`SELECT * FROM audit_log WHERE action = 'api_key.created' AND target_id = $1`, [
      apiKey.id,
    ]);
    expect(audit).toMatchObject({
      outcome: 'success',
      merchant_id: actor.merchantId,
      actor_user_id: actor.userId,
    });
    const details = JSON.stringify(audit.details);
    expect(details).toContain(apiKey.prefix);
    expect(details).not.toContain(key);
    expect(details).not.toContain(row.key_hash as string);
  });

  it('restricted keys store one permission per resource; an all-none key is refused', async () => {
    const actor = await actorForNewMerchant();
    const permissions = { ...parsePermissions([]), customers: 'read', refunds: 'write' } as const;
    const { key, apiKey } = await createApiKey(actor, {
      type: 'restricted',
      environment: 'test',
      name: 'Reporting',
      permissions,
    });
    expect(key).toMatch(/^rk_test_/);
    expect(apiKey.permissions).toEqual(permissions);
    const row = await one('SELECT permissions FROM merchant_api_keys WHERE id = $1', [apiKey.id]);
    expect(row.permissions).toContain('customers:read');
    expect(row.permissions).toContain('balance:none');
    await expect(
      createApiKey(actor, {
        type: 'restricted',
        environment: 'test',
        name: 'Nothing',
        permissions: parsePermissions([]),
      }),
    ).rejects.toBeInstanceOf(NoPermissionsGrantedError);
  });

  it('publishable keys carry no permissions; live keys need an active, verified merchant', async () => {
    const actor = await actorForNewMerchant();
    const { key } = await createApiKey(actor, { type: 'publishable', environment: 'live', name: 'Checkout' });
    expect(key).toMatch(/^pk_live_/);

    const pending = await actorForNewMerchant({ status: 'pending', verification_status: 'pending' });
    await expect(
      createApiKey(pending, { type: 'secret', environment: 'live', name: 'Too early' }),
    ).rejects.toBeInstanceOf(LiveKeysUnavailableError);
    await expect(
      createApiKey(pending, { type: 'secret', environment: 'test', name: 'Fine' }),
    ).resolves.toBeTruthy();
  });
});

describe('listing keys', () => {
  it('lists one environment of one merchant, by prefix, never the key or its hash', async () => {
    const a = await actorForNewMerchant();
    const b = await actorForNewMerchant();
    const testKey = await createApiKey(a, { type: 'secret', environment: 'test', name: 'A test' });
    await createApiKey(a, { type: 'secret', environment: 'live', name: 'A live' });
    await createApiKey(b, { type: 'secret', environment: 'test', name: 'B test' });

    const list = await listApiKeys(a.merchantId, 'test');
    expect(list.map((k) => k.name)).toEqual(['A test']);
    expect(list[0]!.prefix).toBe(testKey.key.slice(0, 12));
    expect(JSON.stringify(list)).not.toContain(testKey.key);
    expect(JSON.stringify(list)).not.toContain(hashApiKey(testKey.key));
  });
});

describe('tenancy: merchant B cannot roll or revoke A’s key', () => {
  it('is "not found" and leaves the key unchanged', async () => {
    const a = await actorForNewMerchant();
    const b = await actorForNewMerchant();
    const { apiKey } = await createApiKey(a, { type: 'secret', environment: 'test', name: 'A' });
    const before = await one('SELECT * FROM merchant_api_keys WHERE id = $1', [apiKey.id]);

    await expect(rollApiKey(b, apiKey.id, 'now')).rejects.toBeInstanceOf(ApiKeyNotFoundError);
    await expect(revokeApiKey(b, apiKey.id)).rejects.toBeInstanceOf(ApiKeyNotFoundError);

    expect(await one('SELECT * FROM merchant_api_keys WHERE id = $1', [apiKey.id])).toEqual(before);
    const rolled = await query('SELECT 1 FROM merchant_api_keys WHERE rolled_from = $1', [apiKey.id]);
    expect(rolled).toHaveLength(0);
    expect(await listApiKeys(b.merchantId, 'test')).toEqual([]);
  });
});

describe('roll and revoke', () => {
  it('rolling issues a linked key with the same type and permissions and audits it', async () => {
    const actor = await actorForNewMerchant();
    const permissions = { ...parsePermissions([]), customers: 'write' } as const;
    const old = await createApiKey(actor, {
      type: 'restricted',
      environment: 'test',
      name: 'Sync',
      permissions,
    });
    const rolled = await rollApiKey(actor, old.apiKey.id, '24h');
    expect(rolled.key).toMatch(/^rk_test_/);
    expect(rolled.key).not.toBe(old.key);
    expect(rolled.apiKey).toMatchObject({ name: 'Sync', rolledFrom: old.apiKey.id, permissions });
    const oldRow = await one('SELECT expires_at FROM merchant_api_keys WHERE id = $1', [old.apiKey.id]);
    expect((oldRow.expires_at as Date).getTime()).toBe(rolled.oldExpiresAt.getTime());
    const audit = await one(
      `SELECT details FROM audit_log WHERE action = 'api_key.rolled' AND target_id = $1`,
      [old.apiKey.id],
    );
    expect(JSON.stringify(audit.details)).not.toContain(rolled.key);
  });

  it('revoking marks the key revoked and inactive, once, with an audit event', async () => {
    const actor = await actorForNewMerchant();
    const { apiKey } = await createApiKey(actor, { type: 'secret', environment: 'test', name: 'Gone' });
    await revokeApiKey(actor, apiKey.id);
    await revokeApiKey(actor, apiKey.id);
    const row = await one('SELECT is_active, revoked_at FROM merchant_api_keys WHERE id = $1', [apiKey.id]);
    expect(row.is_active).toBe(false);
    expect(row.revoked_at).toBeInstanceOf(Date);
    const events = await query(
      `SELECT 1 FROM audit_log WHERE action = 'api_key.revoked' AND target_id = $1`,
      [apiKey.id],
    );
    expect(events).toHaveLength(1);
    expect((await listApiKeys(actor.merchantId, 'test'))[0]!.status).toBe('revoked');
  });
});
