import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { itEnforcesConstraints } from '@/tests/helpers/constraint-suite';
import { db } from '@/lib/db/client';
import {
  PG,
  breaks,
  twice,
  type Violation,
  checkLiterals,
  count,
  expectPgError,
  insertAuditEvent,
  insertInvitation,
  insertMail,
  insertMerchant,
  insertPasswordHistory,
  insertRecoveryCode,
  insertUser,
  one,
  query,
  type Row,
  sql,
} from '@/tests/helpers/fixtures';

// The accounts migration's own tables: every constraint broken once and
// asserted by SQLSTATE and name, the partial unique index on open invitations,
// the ON DELETE rules, and the audit log's append-only trigger.
const TABLES = [
  'password_history',
  'recovery_codes',
  'merchant_invitations',
  'mail_outbox',
  'audit_log',
] as const;
type Table = (typeof TABLES)[number];

/** Inserts a valid row (parents created as needed) with `over` applied. */
const make: Record<Table, (over?: Row) => Promise<unknown>> = {
  password_history: async (o) => insertPasswordHistory(await insertUser(), o),
  recovery_codes: async (o) => insertRecoveryCode(await insertUser(), o),
  merchant_invitations: async (o) => insertInvitation(await insertMerchant(), o),
  mail_outbox: (o) => insertMail(o),
  audit_log: (o) => insertAuditEvent(o),
};

const NOT_NULL: Record<Table, string[]> = {
  password_history: ['id', 'user_id', 'password_hash', 'created_at'],
  recovery_codes: ['id', 'user_id', 'code_hash', 'created_at'],
  merchant_invitations: ['id', 'merchant_id', 'email', 'role', 'token_hash', 'expires_at', 'created_at'],
  mail_outbox: ['id', 'to_address', 'subject', 'body_text', 'kind', 'created_at'],
  audit_log: ['id', 'occurred_at', 'action', 'outcome', 'details'],
};

const [check, unique, fk] = [breaks.check<Table>, breaks.unique<Table>, breaks.fk<Table>];
const id = randomUUID;

const VIOLATIONS: Violation<Table>[] = [
  unique('password_history', 'password_history_pkey', async () => {
    const u = await insertUser();
    return insertPasswordHistory(u).then((h) => insertPasswordHistory(u, { id: h }));
  }),
  fk('password_history', 'password_history_user_id_fkey', () => insertPasswordHistory(id())),

  unique('recovery_codes', 'recovery_codes_pkey', async () => {
    const u = await insertUser();
    return insertRecoveryCode(u).then((c) => insertRecoveryCode(u, { id: c }));
  }),
  unique('recovery_codes', 'recovery_codes_user_code_key', async () => {
    const u = await insertUser();
    return twice(() => insertRecoveryCode(u, { code_hash: 'rc_same' }))();
  }),
  fk('recovery_codes', 'recovery_codes_user_id_fkey', () => insertRecoveryCode(id())),

  check('merchant_invitations', 'merchant_invitations_email_lowercase', { email: 'New.Hire@Example.test' }),
  check('merchant_invitations', 'merchant_invitations_valid_role', { role: 'viewer' }),
  unique('merchant_invitations', 'merchant_invitations_pkey', async () => {
    const m = await insertMerchant();
    return insertInvitation(m).then((i) => insertInvitation(m, { id: i }));
  }),
  unique(
    'merchant_invitations',
    'merchant_invitations_token_hash_key',
    twice(async () => insertInvitation(await insertMerchant(), { token_hash: 'th_same' })),
  ),
  fk('merchant_invitations', 'merchant_invitations_merchant_id_fkey', () => insertInvitation(id())),
  fk('merchant_invitations', 'merchant_invitations_invited_by_fkey', async () =>
    insertInvitation(await insertMerchant(), { invited_by: id() }),
  ),
  fk('merchant_invitations', 'merchant_invitations_accepted_by_fkey', async () =>
    insertInvitation(await insertMerchant(), { accepted_by: id(), accepted_at: new Date() }),
  ),

  unique('mail_outbox', 'mail_outbox_pkey', () => insertMail().then((m) => insertMail({ id: m }))),
  fk('mail_outbox', 'mail_outbox_user_id_fkey', () => insertMail({ user_id: id() })),
  fk('mail_outbox', 'mail_outbox_merchant_id_fkey', () => insertMail({ merchant_id: id() })),

  check('audit_log', 'audit_log_valid_outcome', { outcome: 'maybe' }),
  // The id is GENERATED ALWAYS; only OVERRIDING SYSTEM VALUE can even try a duplicate.
  unique('audit_log', 'audit_log_pkey', async () => {
    const first = await insertAuditEvent();
    return query(
      `INSERT INTO audit_log (id, action, outcome) OVERRIDING SYSTEM VALUE VALUES ($1, 'user.sign_in', 'success')`,
      [first],
    );
  }),
];

/** NULL into a column; audit_log.id is an identity column, so its NULL needs OVERRIDING SYSTEM VALUE. */
function insertNull(table: Table, column: string): Promise<unknown> {
  if (table === 'audit_log' && column === 'id') {
    return query(
      `INSERT INTO audit_log (id, action, outcome) OVERRIDING SYSTEM VALUE VALUES (NULL, 'user.sign_in', 'success')`,
    );
  }
  return make[table]({ [column]: null });
}

describe('accounts tables: constraints', () => {
  itEnforcesConstraints({ tables: TABLES, make, notNull: NOT_NULL, violations: VIOLATIONS, insertNull });

  it('audit_log.id is assigned by the database and cannot be chosen by the writer', async () => {
    await expectPgError(insertAuditEvent({ id: 42 }), { code: PG.GENERATED, message: /id/ });
    const [a, b] = [await insertAuditEvent(), await insertAuditEvent()];
    expect(BigInt(b)).toBeGreaterThan(BigInt(a));
  });

  it('merchant_invitations.role lists exactly the team roles', async () => {
    expect((await checkLiterals('merchant_invitations', 'merchant_invitations_valid_role')).sort()).toEqual(
      ['admin', 'analyst', 'developer', 'owner', 'support'].sort(),
    );
  });

  it('audit_log.outcome lists exactly success, failure and denied', async () => {
    expect((await checkLiterals('audit_log', 'audit_log_valid_outcome')).sort()).toEqual([
      'denied',
      'failure',
      'success',
    ]);
  });
});

describe('merchant_invitations: one open invitation per merchant and address', () => {
  const OPEN = 'idx_merchant_invitations_open';

  it('the partial unique index is on (merchant_id, email) for open invitations only', async () => {
    const { def } = await one<{ def: string }>(`SELECT pg_get_indexdef($1::regclass) AS def`, [OPEN]);
    expect(def).toBe(
      `CREATE UNIQUE INDEX ${OPEN} ON public.merchant_invitations USING btree (merchant_id, email) WHERE ((accepted_at IS NULL) AND (revoked_at IS NULL))`,
    );
  });

  it('refuses a second open invitation for the same merchant and address', async () => {
    const m = await insertMerchant();
    await insertInvitation(m, { email: 'sam@example.test' });
    await expectPgError(insertInvitation(m, { email: 'sam@example.test' }), {
      code: PG.UNIQUE,
      constraint: OPEN,
    });
    expect(await count('merchant_invitations', 'merchant_id = $1', [m])).toBe(1);
  });

  it('allows a new invitation once the earlier one was accepted or revoked', async () => {
    const [m, u] = [await insertMerchant(), await insertUser()];
    await insertInvitation(m, { email: 'sam@example.test', accepted_at: new Date(), accepted_by: u });
    await insertInvitation(m, { email: 'sam@example.test', revoked_at: new Date() });
    await expect(insertInvitation(m, { email: 'sam@example.test' })).resolves.toBeTruthy();
    expect(await count('merchant_invitations', 'merchant_id = $1', [m])).toBe(3);
  });

  it('revoking the open invitation (an UPDATE) frees the address for a new one', async () => {
    const m = await insertMerchant();
    const first = await insertInvitation(m, { email: 'sam@example.test' });
    await query('UPDATE merchant_invitations SET revoked_at = now() WHERE id = $1', [first]);
    await expect(insertInvitation(m, { email: 'sam@example.test' })).resolves.toBeTruthy();
  });

  it('the same address may hold open invitations from different merchants', async () => {
    const [a, b] = [await insertMerchant(), await insertMerchant()];
    await insertInvitation(a, { email: 'sam@example.test' });
    await expect(insertInvitation(b, { email: 'sam@example.test' })).resolves.toBeTruthy();
  });

  it('the lower-case CHECK makes the index case-insensitive in effect', async () => {
    const m = await insertMerchant();
    await insertInvitation(m, { email: 'sam@example.test' });
    await expectPgError(insertInvitation(m, { email: 'Sam@example.test' }), {
      code: PG.CHECK,
      constraint: 'merchant_invitations_email_lowercase',
    });
  });
});

describe('accounts tables: ON DELETE rules', () => {
  it('deleting a user removes their password history and recovery codes (CASCADE)', async () => {
    const u = await insertUser();
    await insertPasswordHistory(u);
    await insertRecoveryCode(u);
    await query('DELETE FROM users WHERE user_id = $1', [u]);
    expect(await count('password_history', 'user_id = $1', [u])).toBe(0);
    expect(await count('recovery_codes', 'user_id = $1', [u])).toBe(0);
  });

  it('deleting a user keeps the invitations they sent or accepted, and their mail, without the link (SET NULL)', async () => {
    const [m, u] = [await insertMerchant(), await insertUser()];
    const sent = await insertInvitation(m, { invited_by: u });
    const accepted = await insertInvitation(m, { accepted_by: u, accepted_at: new Date() });
    const mail = await insertMail({ user_id: u });
    await query('DELETE FROM users WHERE user_id = $1', [u]);
    expect(await one('SELECT invited_by FROM merchant_invitations WHERE id = $1', [sent])).toEqual({
      invited_by: null,
    });
    expect(await one('SELECT accepted_by FROM merchant_invitations WHERE id = $1', [accepted])).toEqual({
      accepted_by: null,
    });
    expect(await one('SELECT user_id FROM mail_outbox WHERE id = $1', [mail])).toEqual({ user_id: null });
  });

  it('deleting a merchant removes its invitations (CASCADE) and keeps its mail (SET NULL)', async () => {
    const m = await insertMerchant();
    await insertInvitation(m);
    const mail = await insertMail({ merchant_id: m });
    await query('DELETE FROM merchants WHERE id = $1', [m]);
    expect(await count('merchant_invitations', 'merchant_id = $1', [m])).toBe(0);
    expect(await one('SELECT merchant_id FROM mail_outbox WHERE id = $1', [mail])).toEqual({
      merchant_id: null,
    });
  });

  it('audit rows outlive the user and merchant they name (no foreign keys)', async () => {
    const [m, u] = [await insertMerchant(), await insertUser()];
    const row = await insertAuditEvent({
      actor_user_id: u,
      actor_email: 'gone@example.test',
      merchant_id: m,
    });
    await query('DELETE FROM merchants WHERE id = $1', [m]);
    await query('DELETE FROM users WHERE user_id = $1', [u]);
    expect(
      await one('SELECT actor_user_id, actor_email, merchant_id FROM audit_log WHERE id = $1', [row]),
    ).toEqual({
      actor_user_id: u,
      actor_email: 'gone@example.test',
      merchant_id: m,
    });
  });
});

describe('audit_log is append-only, for the table owner too', () => {
  const refused = { code: PG.INSUFFICIENT_PRIVILEGE, message: /audit_log is append-only/ };

  it('the role these tests connect as owns the table (so a REVOKE alone would not bind it)', async () => {
    const row = await one(
      `SELECT tableowner = current_user AS owner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit_log'`,
    );
    expect(row.owner).toBe(true);
  });

  it('INSERT works and fills the defaults; SELECT reads the row back', async () => {
    const row = await insertAuditEvent({ ip: '203.0.113.9', user_agent: 'test', details: { a: 1 } });
    const read = await one(
      `SELECT action, outcome, ip, user_agent, details, occurred_at IS NOT NULL AS stamped FROM audit_log WHERE id = $1`,
      [row],
    );
    expect(read).toEqual({
      action: 'user.sign_in',
      outcome: 'success',
      ip: '203.0.113.9',
      user_agent: 'test',
      details: { a: 1 },
      stamped: true,
    });
    const bare = await insertAuditEvent();
    expect((await one('SELECT details FROM audit_log WHERE id = $1', [bare])).details).toEqual({});
  });

  it('UPDATE is refused and the row is unchanged', async () => {
    const row = await insertAuditEvent({ outcome: 'failure' });
    await expectPgError(query(`UPDATE audit_log SET outcome = 'success' WHERE id = $1`, [row]), refused);
    await expectPgError(query(`UPDATE audit_log SET details = '{"edited": true}'`), refused);
    expect(await one('SELECT outcome, details FROM audit_log WHERE id = $1', [row])).toEqual({
      outcome: 'failure',
      details: {},
    });
  });

  it('DELETE is refused and the row is still there', async () => {
    const row = await insertAuditEvent();
    await expectPgError(query('DELETE FROM audit_log WHERE id = $1', [row]), refused);
    await expectPgError(query('DELETE FROM audit_log'), refused);
    expect(await count('audit_log', 'id = $1', [row])).toBe(1);
  });

  it('TRUNCATE is refused, on an empty table too (a statement trigger)', async () => {
    await insertAuditEvent();
    const before = await count('audit_log', 'true');
    await expectPgError(query('TRUNCATE audit_log'), refused);
    await expectPgError(query('TRUNCATE audit_log RESTART IDENTITY CASCADE'), refused);
    expect(await count('audit_log', 'true')).toBe(before);
  });

  it('the refusal holds inside a transaction and does not leave partial changes', async () => {
    const row = await insertAuditEvent();
    const client = await sql().connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO audit_log (action, outcome) VALUES ('user.sign_out', 'success')`);
      await expectPgError(client.query('DELETE FROM audit_log WHERE id = $1', [row]), refused);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await count('audit_log', `action = 'user.sign_out'`)).toBe(0);
    expect(await count('audit_log', 'id = $1', [row])).toBe(1);
  });

  it("the application's client (Prisma) can create and read, never update or delete", async () => {
    const created = await db().auditLog.create({
      data: {
        action: 'merchant.status_changed',
        outcome: 'success',
        details: { before: 'active', after: 'suspended' },
      },
    });
    expect(await db().auditLog.findUnique({ where: { id: created.id } })).toMatchObject({
      action: 'merchant.status_changed',
    });
    await expect(
      db().auditLog.update({ where: { id: created.id }, data: { outcome: 'failure' } }),
    ).rejects.toThrow(/append-only/);
    await expect(db().auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await db().auditLog.findUnique({ where: { id: created.id } })).toMatchObject({
      outcome: 'success',
    });
  });
});
