import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { itEnforcesConstraints } from '@/tests/helpers/constraint-suite';
import {
  PG,
  breaks,
  twice,
  type Violation,
  checkLiterals,
  count,
  expectPgError,
  insertApiKey,
  insertBalance,
  insertMember,
  insertMerchant,
  insertSummary,
  insertTransaction,
  insertUser,
  one,
  query,
  type Row,
} from '@/tests/helpers/fixtures';

// users, merchants, merchant_members, merchant_api_keys: every constraint the
// migration declares on them, broken once and asserted by SQLSTATE and name.
const TABLES = ['users', 'merchants', 'merchant_members', 'merchant_api_keys'] as const;
type Table = (typeof TABLES)[number];

/** Inserts a valid row (parents created as needed) with `over` applied. */
const make: Record<Table, (over?: Row) => Promise<unknown>> = {
  users: (o) => insertUser(o),
  merchants: (o) => insertMerchant(o),
  merchant_members: async (o) => insertMember(await insertMerchant(), await insertUser(), o),
  merchant_api_keys: async (o) => insertApiKey(await insertMerchant(), o),
};

const NOT_NULL: Record<Table, string[]> = {
  users: [
    'user_id',
    'email',
    'password_hash',
    'role',
    'created_at',
    'updated_at',
    'failed_login_count',
    'password_changed_at',
  ],
  merchants: ['id', 'business_name', 'email', 'address', 'currency', 'status'],
  merchant_members: ['merchant_id', 'user_id', 'role', 'created_at'],
  merchant_api_keys: [
    'id',
    'merchant_id',
    'key_hash',
    'key_prefix',
    'permissions',
    'environment',
    'key_type',
  ],
};

const [check, unique, fk] = [breaks.check<Table>, breaks.unique<Table>, breaks.fk<Table>];
const id = randomUUID;

const VIOLATIONS: Violation<Table>[] = [
  check('users', 'users_email_lowercase', { email: 'Mixed@Example.test' }),
  unique(
    'users',
    'users_email_key',
    twice(() => insertUser({ email: 'same@example.test' })),
  ),
  unique('users', 'users_pkey', () => insertUser().then((u) => insertUser({ user_id: u }))),
  check('users', 'users_failed_login_count_non_negative', { failed_login_count: -1 }),
  // An encrypted TOTP secret must name the master key that wraps it ...
  check('users', 'users_totp_key_present', {
    totp_secret_encrypted: Buffer.from('sealed'),
    totp_key_id: null,
  }),
  // ... and two-factor cannot be "on" without a secret to check codes against.
  check('users', 'users_totp_enabled_has_secret', { totp_enabled_at: '2026-01-01T00:00:00Z' }),

  check('merchants', 'valid_merchant_status', { status: 'frozen' }),
  check('merchants', 'merchants_currency_iso', { currency: 'usd' }),
  check('merchants', 'merchants_valid_risk_level', { risk_level: 'extreme' }),
  check('merchants', 'merchants_limits_positive', { daily_limit: 0 }),
  check('merchants', 'merchants_limits_positive', { monthly_limit: -1 }),
  check('merchants', 'merchants_valid_verification_status', { verification_status: 'approved' }),
  check('merchants', 'merchants_valid_business_type', { business_type: 'conglomerate' }),
  // Hosted pages' branding (20261121061000_checkout_sessions): #rrggbb lower case, https logos.
  check('merchants', 'merchants_brand_color_hex', { brand_color: 'red' }),
  check('merchants', 'merchants_brand_color_hex', { brand_color: '#FF0000' }),
  check('merchants', 'merchants_logo_url_https', { logo_url: 'http://example.com/logo.png' }),
  check('merchants', 'merchants_logo_url_https', { logo_url: 'javascript:alert(1)' }),
  unique(
    'merchants',
    'merchants_email_key',
    twice(() => insertMerchant({ email: 'shop@example.test' })),
  ),
  unique('merchants', 'merchants_pkey', () => insertMerchant().then((m) => insertMerchant({ id: m }))),

  check('merchant_members', 'valid_member_role', { role: 'viewer' }),
  unique('merchant_members', 'merchant_members_pkey', async () => {
    const [m, u] = [await insertMerchant(), await insertUser()];
    return twice(() => insertMember(m, u))();
  }),
  fk('merchant_members', 'merchant_members_merchant_id_fkey', async () =>
    insertMember(id(), await insertUser()),
  ),
  fk('merchant_members', 'merchant_members_user_id_fkey', async () =>
    insertMember(await insertMerchant(), id()),
  ),

  check('merchant_api_keys', 'valid_environment', { environment: 'staging' }),
  unique(
    'merchant_api_keys',
    'merchant_api_keys_key_hash_key',
    twice(async () => insertApiKey(await insertMerchant(), { key_hash: 'h_same' })),
  ),
  unique('merchant_api_keys', 'merchant_api_keys_pkey', async () => {
    const m = await insertMerchant();
    return insertApiKey(m).then((k) => insertApiKey(m, { id: k }));
  }),
  fk('merchant_api_keys', 'merchant_api_keys_merchant_id_fkey', () => insertApiKey(id())),
  check('merchant_api_keys', 'merchant_api_keys_valid_key_type', { key_type: 'admin' }),
  // Restricted keys list `<resource>:<none|read|write>` ...
  check('merchant_api_keys', 'merchant_api_keys_permissions_shape', {
    key_type: 'restricted',
    permissions: ['customers:delete'],
  }),
  check('merchant_api_keys', 'merchant_api_keys_permissions_shape', {
    key_type: 'restricted',
    permissions: ['customers'],
  }),
  // ... and secret or publishable keys carry none.
  check('merchant_api_keys', 'merchant_api_keys_permissions_shape', { permissions: ['customers:read'] }),
  check('merchant_api_keys', 'merchant_api_keys_revoked_inactive', {
    revoked_at: '2026-01-01T00:00:00Z',
    is_active: true,
  }),
  fk('merchant_api_keys', 'merchant_api_keys_rolled_from_fkey', async () =>
    insertApiKey(await insertMerchant(), { rolled_from: id() }),
  ),
];

describe('users / merchants / members / api keys constraints', () => {
  itEnforcesConstraints({ tables: TABLES, make, notNull: NOT_NULL, violations: VIOLATIONS });
});

describe('value sets are exactly the seeds', () => {
  const SETS = [
    {
      table: 'merchants',
      column: 'status',
      constraint: 'valid_merchant_status',
      allowed: ['pending', 'active', 'suspended', 'closed'],
    },
    {
      table: 'merchants',
      column: 'risk_level',
      constraint: 'merchants_valid_risk_level',
      allowed: ['low', 'medium', 'high', null],
    },
    {
      table: 'merchants',
      column: 'verification_status',
      constraint: 'merchants_valid_verification_status',
      allowed: ['unverified', 'pending', 'verified', 'failed', null],
    },
    {
      table: 'merchants',
      column: 'business_type',
      constraint: 'merchants_valid_business_type',
      allowed: [
        'individual',
        'sole_proprietorship',
        'partnership',
        'llc',
        'corporation',
        'non_profit',
        'government_entity',
        null,
      ],
    },
    {
      table: 'merchant_members',
      column: 'role',
      constraint: 'valid_member_role',
      allowed: ['owner', 'admin', 'developer', 'analyst', 'support'],
    },
    {
      table: 'merchant_api_keys',
      column: 'environment',
      constraint: 'valid_environment',
      allowed: ['live', 'test'],
    },
    {
      table: 'merchant_api_keys',
      column: 'key_type',
      constraint: 'merchant_api_keys_valid_key_type',
      allowed: ['secret', 'publishable', 'restricted'],
    },
  ] as const;

  describe.each(SETS)('$table.$column', ({ table, column, constraint, allowed }) => {
    it('the CHECK lists exactly the allowed values', async () => {
      expect((await checkLiterals(table, constraint)).sort()).toEqual(
        allowed.filter((v) => v !== null).sort(),
      );
    });
    it.each(allowed.map((value) => ({ value })))('accepts $value', async ({ value }) => {
      await expect(make[table]({ [column]: value })).resolves.not.toThrow();
    });
    it('rejects a value outside the set', async () => {
      await expectPgError(make[table]({ [column]: 'bogus' }), { code: PG.CHECK, constraint });
    });
  });

  it('users.role is the user_role enum (merchant, customer, admin), default merchant', async () => {
    const { values } = await one<{ values: string }>(`SELECT enum_range(NULL::user_role)::text AS values`);
    expect(values).toBe('{merchant,customer,admin}');
    for (const role of ['merchant', 'customer', 'admin'])
      await expect(insertUser({ role })).resolves.toBeTruthy();
    await expectPgError(insertUser({ role: 'root' }), { code: PG.BAD_ENUM, message: /user_role/ });
    const u = await insertUser();
    expect((await one('SELECT role FROM users WHERE user_id = $1', [u])).role).toBe('merchant');
  });
});

describe('users: sign-in security state', () => {
  it('a new user starts unlocked, without two-factor, its password dated at creation', async () => {
    const u = await insertUser();
    const row = await one(
      `SELECT failed_login_count, locked_until, last_sign_in_at, totp_secret_encrypted, totp_key_id,
              totp_enabled_at, totp_last_step, password_changed_at = created_at AS changed_now
         FROM users WHERE user_id = $1`,
      [u],
    );
    expect(row).toEqual({
      failed_login_count: 0,
      locked_until: null,
      last_sign_in_at: null,
      totp_secret_encrypted: null,
      totp_key_id: null,
      totp_enabled_at: null,
      totp_last_step: null,
      changed_now: true,
    });
  });

  it('accepts a secret awaiting confirmation, and an enabled secret with its key id', async () => {
    const sealed = { totp_secret_encrypted: Buffer.from('sealed'), totp_key_id: 'k1' };
    await expect(insertUser(sealed)).resolves.toBeTruthy();
    await expect(
      insertUser({ ...sealed, totp_enabled_at: '2026-01-01T00:00:00Z', totp_last_step: 1 }),
    ).resolves.toBeTruthy();
  });

  it('merchants.verification_notes is free text, NULL by default', async () => {
    const m = await insertMerchant();
    expect(
      (await one('SELECT verification_notes FROM merchants WHERE id = $1', [m])).verification_notes,
    ).toBeNull();
    const n = await insertMerchant({ verification_notes: 'Tax id does not match the legal name.' });
    expect(
      (await one('SELECT verification_notes FROM merchants WHERE id = $1', [n])).verification_notes,
    ).toBe('Tax id does not match the legal name.');
  });
});

describe('merchant_api_keys: the columns key management adds', () => {
  it('a restricted key may list per-resource permissions; an empty list means no access', async () => {
    const m = await insertMerchant();
    const perms = ['customers:read', 'payment_intents:write', 'refunds:none'];
    const k = await insertApiKey(m, { key_type: 'restricted', permissions: perms });
    expect((await one('SELECT permissions FROM merchant_api_keys WHERE id = $1', [k])).permissions).toEqual(
      perms,
    );
    await expect(insertApiKey(m, { key_type: 'restricted', permissions: [] })).resolves.toBeTruthy();
  });

  it('a revoked, inactive key is accepted; key_type defaults to secret', async () => {
    const m = await insertMerchant();
    const k = await insertApiKey(m, {
      revoked_at: '2026-01-01T00:00:00Z',
      is_active: false,
      name: 'Old server',
    });
    expect(await one('SELECT key_type, name FROM merchant_api_keys WHERE id = $1', [k])).toEqual({
      key_type: 'secret',
      name: 'Old server',
    });
  });

  it('deleting the key a roll replaced keeps the new key, unlinked (ON DELETE SET NULL)', async () => {
    const m = await insertMerchant();
    const old = await insertApiKey(m);
    const rolled = await insertApiKey(m, { rolled_from: old });
    await query('DELETE FROM merchant_api_keys WHERE id = $1', [old]);
    expect(
      (await one('SELECT rolled_from FROM merchant_api_keys WHERE id = $1', [rolled])).rolled_from,
    ).toBeNull();
  });
});

describe('updated_at triggers', () => {
  it.each([
    { table: 'users', key: 'user_id', create: () => insertUser({ updated_at: '2000-01-01T00:00:00Z' }) },
    { table: 'merchants', key: 'id', create: () => insertMerchant({ updated_at: '2000-01-01T00:00:00Z' }) },
  ])(
    '$table.updated_at is set to now() on every UPDATE, whatever the writer sends',
    async ({ table, key, create }) => {
      const rowId = await create();
      const before = await one(`SELECT updated_at::text AS u FROM ${table} WHERE ${key} = $1`, [rowId]);
      expect(before.u).toBe('2000-01-01 00:00:00+00'); // inserts are left alone
      const after = await one(
        `UPDATE ${table} SET updated_at = '2001-01-01' WHERE ${key} = $1 RETURNING updated_at = now() AS bumped`,
        [rowId],
      );
      expect(after.bumped).toBe(true);
    },
  );
});

describe('ON DELETE rules', () => {
  it('deleting a user removes their memberships (CASCADE), not the merchant', async () => {
    const [m, u] = [await insertMerchant(), await insertUser()];
    await insertMember(m, u);
    await query('DELETE FROM users WHERE user_id = $1', [u]);
    expect(await count('merchant_members', 'user_id = $1', [u])).toBe(0);
    expect(await count('merchants', 'id = $1', [m])).toBe(1);
  });

  it('deleting a merchant removes its members, API keys, daily summaries and balances (CASCADE)', async () => {
    const [m, u] = [await insertMerchant(), await insertUser()];
    await insertMember(m, u);
    await insertApiKey(m);
    await insertSummary(m);
    await insertBalance(m);
    await query('DELETE FROM merchants WHERE id = $1', [m]);
    for (const table of [
      'merchant_members',
      'merchant_api_keys',
      'daily_transaction_summaries',
      'merchant_balances',
    ]) {
      expect(await count(table, 'merchant_id = $1', [m]), table).toBe(0);
    }
    expect(await count('users', 'user_id = $1', [u])).toBe(1);
  });

  it('deleting a merchant that has transactions is refused', async () => {
    const m = await insertMerchant();
    await insertApiKey(m);
    await insertTransaction(m);
    await expectPgError(query('DELETE FROM merchants WHERE id = $1', [m]), {
      code: PG.FK,
      constraint: 'transactions_merchant_id_fkey',
    });
    expect(await count('merchant_api_keys', 'merchant_id = $1', [m])).toBe(1);
  });
});
