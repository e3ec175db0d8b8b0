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
  insertCustomer,
  insertMerchant,
  insertTransaction,
  insertVault,
  one,
  query,
  type Row,
} from '@/tests/helpers/fixtures';

// customers and payment_methods_vault.
const TABLES = ['customers', 'payment_methods_vault'] as const;
type Table = (typeof TABLES)[number];

const make: Record<Table, (over?: Row) => Promise<unknown>> = {
  customers: async (o) => insertCustomer(await insertMerchant(), o),
  payment_methods_vault: async (o) => {
    const m = await insertMerchant();
    return insertVault(await insertCustomer(m), m, o);
  },
};

const NOT_NULL: Record<Table, string[]> = {
  customers: ['id', 'merchant_id', 'livemode', 'metadata'],
  payment_methods_vault: [
    'token',
    'merchant_id',
    'livemode',
    'encrypted_data',
    'encryption_key_id',
    'payment_method_type',
    'fingerprint',
    'metadata',
    'funding',
  ],
};

const [check, unique, fk] = [breaks.check<Table>, breaks.unique<Table>, breaks.fk<Table>];

/** A merchant and one of its customers. */
const merchantAndCustomer = async (over: Row = {}) => {
  const m = await insertMerchant();
  return { m, c: await insertCustomer(m, over) };
};

const VIOLATIONS: Violation<Table>[] = [
  check('customers', 'customers_valid_risk_level', { risk_level: 'severe' }),
  check('customers', 'customers_pii_key_present', { encrypted_pii: Buffer.from('pii') }),
  check('customers', 'customers_metadata_object', { metadata: JSON.stringify(['a']) }),
  check('customers', 'customers_deleted_inactive', { deleted_at: '2026-01-01T00:00:00Z', is_active: true }),
  unique('customers', 'customers_merchant_id_external_customer_id_key', async () => {
    const { m } = await merchantAndCustomer();
    return twice(() => insertCustomer(m, { external_customer_id: 'cus-42' }))();
  }),
  unique('customers', 'customers_pkey', async () => {
    const { m, c } = await merchantAndCustomer();
    return insertCustomer(m, { id: c });
  }),
  fk('customers', 'customers_merchant_id_fkey', () => insertCustomer(randomUUID())),

  check('payment_methods_vault', 'payment_methods_vault_last_four_digits', { last_four: '12a4' }),
  check('payment_methods_vault', 'payment_methods_vault_last_four_digits', { last_four: '123' }),
  check('payment_methods_vault', 'payment_methods_vault_metadata_object', { metadata: JSON.stringify('x') }),
  check('payment_methods_vault', 'payment_methods_vault_valid_funding', { funding: 'charge' }),
  check('payment_methods_vault', 'payment_methods_vault_country_code', { country: 'us' }),
  check('payment_methods_vault', 'payment_methods_vault_valid_cvc_check', { cvc_check: 'ok' }),
  check('payment_methods_vault', 'payment_methods_vault_billing_key_present', {
    encrypted_billing_details: Buffer.from('billing'),
  }),
  check('payment_methods_vault', 'payment_methods_vault_billing_key_present', { billing_details_key_id: 'key-1' }),
  // Detached: no customer and inactive; a customer still set (or still active) is refused.
  check('payment_methods_vault', 'payment_methods_vault_detached_inactive', {
    detached_at: '2026-01-01T00:00:00Z',
    is_active: false,
  }),
  check('payment_methods_vault', 'payment_methods_vault_detached_inactive', async () => {
    const m = await insertMerchant();
    return insertVault(null, m, { detached_at: '2026-01-01T00:00:00Z', is_active: true });
  }),
  unique('payment_methods_vault', 'payment_methods_vault_customer_id_fingerprint_key', async () => {
    const { m, c } = await merchantAndCustomer();
    return twice(() => insertVault(c, m, { fingerprint: 'fp-same' }))();
  }),
  unique('payment_methods_vault', 'payment_methods_vault_pkey', async () => {
    const { m, c } = await merchantAndCustomer();
    return insertVault(c, m, { token: await insertVault(c, m) });
  }),
  fk('payment_methods_vault', 'payment_methods_vault_customer_id_fkey', async () =>
    insertVault(randomUUID(), await insertMerchant()),
  ),
  fk('payment_methods_vault', 'payment_methods_vault_merchant_id_fkey', async () => {
    const { c } = await merchantAndCustomer();
    return insertVault(c, randomUUID());
  }),
];

describe('customers / payment_methods_vault constraints', () => {
  itEnforcesConstraints({ tables: TABLES, make, notNull: NOT_NULL, violations: VIOLATIONS });
});

describe('what the constraints still allow', () => {
  it('customers.external_customer_id is unique per merchant and mode only; NULLs never collide', async () => {
    const [m1, m2] = [await insertMerchant(), await insertMerchant()];
    await insertCustomer(m1, { external_customer_id: '42', livemode: false });
    await expect(insertCustomer(m1, { external_customer_id: '42', livemode: true })).resolves.toBeTruthy();
    await expect(insertCustomer(m2, { external_customer_id: '42', livemode: false })).resolves.toBeTruthy();
    await insertCustomer(m1);
    await expect(insertCustomer(m1)).resolves.toBeTruthy();
  });

  it('a PaymentMethod may exist without a customer (before attach, after detach); NULLs never collide', async () => {
    const m = await insertMerchant();
    await insertVault(null, m, { fingerprint: 'fp-unattached' });
    await expect(insertVault(null, m, { fingerprint: 'fp-unattached' })).resolves.toBeTruthy();
    await expect(
      insertVault(null, m, { detached_at: '2026-01-01T00:00:00Z', is_active: false }),
    ).resolves.toBeTruthy();
  });

  it('sealed billing details are accepted together with their key id; funding defaults to unknown', async () => {
    const token = await make.payment_methods_vault({
      encrypted_billing_details: Buffer.from('billing'),
      billing_details_key_id: 'key-1',
      cvc_check: 'pass',
      country: 'US',
    });
    const row = await one('SELECT funding, metadata FROM payment_methods_vault WHERE token = $1', [token]);
    expect(row).toEqual({ funding: 'unknown', metadata: {} });
  });

  it('a fingerprint may repeat across customers', async () => {
    const m = await insertMerchant();
    await insertVault(await insertCustomer(m), m, { fingerprint: 'fp-shared' });
    await expect(insertVault(await insertCustomer(m), m, { fingerprint: 'fp-shared' })).resolves.toBeTruthy();
  });

  it.each([{ last_four: '4242' }, { last_four: null }])(
    'payment_methods_vault accepts last_four $last_four',
    async (over) => {
      await expect(make.payment_methods_vault(over)).resolves.toBeTruthy();
    },
  );

  it('encrypted PII is accepted together with its key id', async () => {
    await expect(
      make.customers({ encrypted_pii: Buffer.from('pii'), encryption_key_id: 'key-1' }),
    ).resolves.toBeTruthy();
  });

  it('customers.risk_level allows exactly low, medium, high or NULL (default low)', async () => {
    expect((await checkLiterals('customers', 'customers_valid_risk_level')).sort()).toEqual([
      'high',
      'low',
      'medium',
    ]);
    for (const risk_level of ['low', 'medium', 'high', null])
      await expect(make.customers({ risk_level })).resolves.toBeTruthy();
    const c = await make.customers();
    expect((await one('SELECT risk_level FROM customers WHERE id = $1', [c])).risk_level).toBe('low');
  });
});

describe('customers trigger and ON DELETE rules', () => {
  it('customers.updated_at is set to now() on every UPDATE', async () => {
    const c = await make.customers({ updated_at: '2000-01-01T00:00:00Z' });
    const row = await one(
      `UPDATE customers SET updated_at = '2001-01-01' WHERE id = $1 RETURNING updated_at = now() AS bumped`,
      [c],
    );
    expect(row.bumped).toBe(true);
  });

  it('deleting a customer removes its vaulted payment methods (CASCADE)', async () => {
    const { m, c } = await merchantAndCustomer();
    await insertVault(c, m);
    await insertVault(c, m);
    await query('DELETE FROM customers WHERE id = $1', [c]);
    expect(await count('payment_methods_vault', 'customer_id = $1', [c])).toBe(0);
  });

  it('deleting a customer keeps its transactions with customer_id set to NULL', async () => {
    const { m, c } = await merchantAndCustomer();
    const tx = await insertTransaction(m, { customer_id: c });
    await query('DELETE FROM customers WHERE id = $1', [c]);
    const row = await one('SELECT customer_id FROM transactions WHERE id = $1 AND created_at = $2', [
      tx.id,
      tx.createdAt,
    ]);
    expect(row.customer_id).toBeNull();
  });

  it('deleting a merchant that still has customers is refused', async () => {
    const { m } = await merchantAndCustomer();
    await expectPgError(query('DELETE FROM merchants WHERE id = $1', [m]), {
      code: PG.FK,
      constraint: 'customers_merchant_id_fkey',
    });
  });
});
