import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, expect } from 'vitest';

/**
 * Small row factories and PostgreSQL assertions for integration tests. Raw SQL
 * through `pg` on this test file's own database (process.env.DATABASE_URL, set
 * by tests/setup/per-file-database.ts): errors keep their SQLSTATE, constraint,
 * table and column, which is what constraint tests assert on.
 *
 * Every factory takes `over`: column values that replace or extend the defaults
 * (pass `null` to send an explicit NULL), so one factory serves both the valid
 * row and each way of breaking it.
 */

export type Row = Record<string, unknown>;

/** SQLSTATEs the tests assert on. */
export const PG = {
  CHECK: '23514',
  UNIQUE: '23505',
  NOT_NULL: '23502',
  FK: '23503',
  GENERATED: '428C9',
  BAD_ENUM: '22P02',
  RAISE: 'P0001',
  INSUFFICIENT_PRIVILEGE: '42501',
} as const;

let pool: pg.Pool | undefined;

export function sql(): pg.Pool {
  if (!pool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set (run under the integration project)');
    pool = new pg.Pool({ connectionString, max: 3 });
    pool.on('error', () => undefined); // the harness drops the database WITH (FORCE)
  }
  return pool;
}

afterAll(async () => {
  const p = pool;
  pool = undefined;
  await p?.end();
});

export async function query<T extends Row = Row>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await sql().query<T>(text, params)).rows;
}

export async function one<T extends Row = Row>(text: string, params: unknown[] = []): Promise<T> {
  const rows = await query<T>(text, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${text}`);
  return rows[0]!;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function param(value: unknown): unknown {
  // Plain objects are jsonb values; arrays stay PostgreSQL arrays (text[]).
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !Buffer.isBuffer(value)
  ) {
    return JSON.stringify(value);
  }
  return value;
}

export async function insertRow(table: string, values: Row, returning = '*'): Promise<Row> {
  const cols = Object.keys(values);
  const text = `INSERT INTO ${ident(table)} (${cols.map(ident).join(', ')}) VALUES (${cols
    .map((_, i) => `$${i + 1}`)
    .join(', ')}) RETURNING ${returning}`;
  return one(
    text,
    cols.map((c) => param(values[c])),
  );
}

const uniq = () => randomUUID().slice(0, 8);

export async function insertUser(over: Row = {}): Promise<string> {
  const row = await insertRow(
    'users',
    { email: `u-${uniq()}@example.test`, password_hash: 'argon2id$x', ...over },
    'user_id',
  );
  return row.user_id as string;
}

export async function insertMerchant(over: Row = {}): Promise<string> {
  const defaults = {
    business_name: 'Test Shop',
    email: `m-${uniq()}@example.test`,
    address: { line1: '1 Main St' },
  };
  return (await insertRow('merchants', { ...defaults, ...over }, 'id')).id as string;
}

export async function insertMember(merchantId: string, userId: string, over: Row = {}): Promise<void> {
  await insertRow('merchant_members', { merchant_id: merchantId, user_id: userId, ...over });
}

export async function insertApiKey(merchantId: string, over: Row = {}): Promise<string> {
  const defaults = { merchant_id: merchantId, key_hash: `h_${randomUUID()}`, key_prefix: 'sk_test_abcd' };
  return (await insertRow('merchant_api_keys', { ...defaults, ...over }, 'id')).id as string;
}

export async function insertCustomer(merchantId: string, over: Row = {}): Promise<string> {
  return (await insertRow('customers', { merchant_id: merchantId, ...over }, 'id')).id as string;
}

export async function insertIdempotencyKey(merchantId: string, over: Row = {}): Promise<string> {
  const defaults = {
    merchant_id: merchantId,
    livemode: false,
    idempotency_key: `idem-${randomUUID()}`,
    request_method: 'POST',
    request_path: '/v1/customers',
    request_fingerprint: 'a'.repeat(64),
    response_status: 200,
    response_body: '{}',
    request_id: `req_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    expires_at: new Date(Date.now() + 86_400_000).toISOString(),
  };
  return (await insertRow('idempotency_keys', { ...defaults, ...over }, 'id')).id as string;
}

export async function insertRequestLog(over: Row = {}): Promise<string> {
  const defaults = {
    request_id: `req_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    method: 'GET',
    path: '/v1/customers',
    status: 200,
    duration_ms: 12,
  };
  return (await insertRow('api_request_logs', { ...defaults, ...over }, 'id')).id as string;
}

/** A payment's key: (id, created_at). createdAt is PostgreSQL's text form, microseconds intact. */
export interface TxRef {
  id: string;
  createdAt: string;
  merchantId: string;
  partition: string;
}

export async function insertTransaction(merchantId: string, over: Row = {}): Promise<TxRef> {
  const defaults = {
    merchant_id: merchantId,
    amount: 1000,
    currency: 'USD',
    payment_method_type: 'card',
    gateway_name: 'mock',
  };
  const row = await insertRow(
    'transactions',
    { ...defaults, ...over },
    'id, created_at::text AS created_at, merchant_id, tableoid::regclass::text AS partition',
  );
  return {
    id: row.id as string,
    createdAt: row.created_at as string,
    merchantId: row.merchant_id as string,
    partition: row.partition as string,
  };
}

/** A vaulted payment method; `customerId` null is one not (or no longer) attached to a customer. */
export async function insertVault(customerId: string | null, merchantId: string, over: Row = {}): Promise<string> {
  const defaults = {
    token: `pm_${randomUUID()}`,
    customer_id: customerId,
    merchant_id: merchantId,
    encrypted_data: Buffer.from('ciphertext'),
    encryption_key_id: 'key-1',
    payment_method_type: 'card',
    fingerprint: `fp_${uniq()}`,
  };
  return (await insertRow('payment_methods_vault', { ...defaults, ...over }, 'token')).token as string;
}

const txColumns = (tx: TxRef) => ({
  transaction_id: tx.id,
  transaction_created_at: tx.createdAt,
  merchant_id: tx.merchantId,
});

export async function insertRefund(tx: TxRef, over: Row = {}): Promise<string> {
  return (await insertRow('refunds', { ...txColumns(tx), amount: 100, currency: 'USD', ...over }, 'id'))
    .id as string;
}

export async function insertDispute(tx: TxRef, over: Row = {}): Promise<string> {
  const defaults = { ...txColumns(tx), dispute_type: 'chargeback', amount: 100, currency: 'USD' };
  return (await insertRow('disputes', { ...defaults, ...over }, 'id')).id as string;
}

export async function insertFraudLog(tx: TxRef, over: Row = {}): Promise<string> {
  const defaults = {
    payment_id: tx.id,
    payment_created_at: tx.createdAt,
    merchant_id: tx.merchantId,
    risk_score: 12.5,
  };
  return (await insertRow('fraud_logs', { ...defaults, ...over }, 'fraud_log_id')).fraud_log_id as string;
}

export async function insertSummary(merchantId: string, over: Row = {}): Promise<string> {
  const defaults = { merchant_id: merchantId, summary_date: '2026-01-15', currency: 'USD' };
  return (await insertRow('daily_transaction_summaries', { ...defaults, ...over }, 'id')).id as string;
}

export async function insertBalance(merchantId: string, over: Row = {}): Promise<void> {
  await insertRow('merchant_balances', { merchant_id: merchantId, currency: 'USD', ...over });
}

/** A balanced adjustment: its balance transaction and two lines, committed together. */
export async function insertBalanceTransaction(merchantId: string, over: Row = {}): Promise<string> {
  const defaults = {
    merchant_id: merchantId,
    livemode: false,
    currency: 'USD',
    type: 'adjustment',
    amount: 100,
    fee: 0,
    net: 100,
    available_on: new Date(),
  };
  return (await insertRow('balance_transactions', { ...defaults, ...over }, 'id')).id as string;
}

/**
 * One ledger line inserted on its own: unbalanced, so it commits only when it
 * is refused by a constraint checked before the deferred balance trigger, or
 * when `amount` is 0-sum with lines already there. Tests that need a committed
 * pair use insertLedgerPair.
 */
export async function insertLedgerLine(balanceTransactionId: string, merchantId: string, over: Row = {}) {
  const defaults = {
    balance_transaction_id: balanceTransactionId,
    merchant_id: merchantId,
    livemode: false,
    currency: 'USD',
    account: 'merchant_available',
    amount: 100,
  };
  return (await insertRow('ledger_lines', { ...defaults, ...over }, 'id')).id as string;
}

/** A balanced pair of lines (+100 merchant_available, −100 processor_clearing) in one statement. */
export async function insertLedgerPair(balanceTransactionId: string, merchantId: string): Promise<void> {
  await query(
    `INSERT INTO ledger_lines (balance_transaction_id, merchant_id, livemode, currency, account, amount)
     VALUES ($1, $2, false, 'USD', 'merchant_available', 100), ($1, $2, false, 'USD', 'processor_clearing', -100)`,
    [balanceTransactionId, merchantId],
  );
}

export async function insertLimitUsage(merchantId: string, over: Row = {}): Promise<void> {
  const defaults = {
    merchant_id: merchantId,
    livemode: false,
    currency: 'USD',
    period: 'day',
    period_start: '2026-03-10',
  };
  await insertRow('merchant_limit_usage', { ...defaults, ...over });
}

export async function insertEvent(merchantId: string, over: Row = {}): Promise<string> {
  const defaults = {
    merchant_id: merchantId,
    livemode: false,
    type: 'payment_intent.succeeded',
    api_version: '2026-10-28.endive',
    data: { object: { id: 'pi_123', object: 'payment_intent' } },
  };
  return (await insertRow('events', { ...defaults, ...over }, 'id')).id as string;
}

/** An open Checkout Session of 1000 USD, expiring in an hour. */
export async function insertCheckoutSession(merchantId: string, over: Row = {}): Promise<string> {
  const defaults = {
    merchant_id: merchantId,
    currency: 'USD',
    amount_subtotal: 1000,
    amount_total: 1000,
    success_url: 'https://shop.example/thanks',
    expires_at: new Date(Date.now() + 3600_000).toISOString(),
  };
  return (await insertRow('checkout_sessions', { ...defaults, ...over }, 'id')).id as string;
}

export async function insertCheckoutLineItem(sessionId: string, over: Row = {}): Promise<string> {
  const defaults = {
    session_id: sessionId,
    position: 0,
    name: 'T-shirt',
    currency: 'USD',
    unit_amount: 500,
    quantity: 2,
    amount_subtotal: 1000,
    amount_total: 1000,
  };
  return (await insertRow('checkout_line_items', { ...defaults, ...over }, 'id')).id as string;
}

export async function insertPasswordHistory(userId: string, over: Row = {}): Promise<string> {
  const defaults = { user_id: userId, password_hash: `argon2id$old-${uniq()}` };
  return (await insertRow('password_history', { ...defaults, ...over }, 'id')).id as string;
}

export async function insertRecoveryCode(userId: string, over: Row = {}): Promise<string> {
  const defaults = { user_id: userId, code_hash: `rc_${randomUUID()}` };
  return (await insertRow('recovery_codes', { ...defaults, ...over }, 'id')).id as string;
}

export async function insertInvitation(merchantId: string, over: Row = {}): Promise<string> {
  const defaults = {
    merchant_id: merchantId,
    email: `invitee-${uniq()}@example.test`,
    role: 'developer',
    token_hash: `th_${randomUUID()}`,
    expires_at: new Date(Date.now() + 7 * 24 * 3600_000),
  };
  return (await insertRow('merchant_invitations', { ...defaults, ...over }, 'id')).id as string;
}

export async function insertMail(over: Row = {}): Promise<string> {
  const defaults = {
    to_address: `to-${uniq()}@example.test`,
    subject: 'Hello',
    body_text: 'A message.',
    kind: 'invitation',
  };
  return (await insertRow('mail_outbox', { ...defaults, ...over }, 'id')).id as string;
}

/** A sandbox processor's booked operation: an approved authorization unless `over` says otherwise. */
export async function insertSandboxOperation(over: Row = {}): Promise<string> {
  const defaults = {
    gateway: 'sandbox_alpha',
    reference: `ref_${randomUUID()}`,
    operation: 'authorize',
    gateway_transaction_id: `ch_alpha_${randomUUID().replace(/-/g, '')}`,
    amount: 2000,
    currency: 'USD',
    status: 'approved',
    card_brand: 'visa',
    card_last4: '4242',
    response: { status: 'approved' },
  };
  return (await insertRow('sandbox_gateway_operations', { ...defaults, ...over }, 'id')).id as string;
}

/** audit_log.id is GENERATED ALWAYS: the id comes back as text (a BIGINT). */
export async function insertAuditEvent(over: Row = {}): Promise<string> {
  const defaults = { action: 'user.sign_in', outcome: 'success' };
  return (await insertRow('audit_log', { ...defaults, ...over }, 'id::text AS id')).id as string;
}

export async function count(table: string, where: string, params: unknown[] = []): Promise<number> {
  const row = await one<{ n: string }>(`SELECT count(*) AS n FROM ${ident(table)} WHERE ${where}`, params);
  return Number(row.n);
}

// ---------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------

export interface PgErrorExpectation {
  code: string;
  /** The constraint as declared on the table the migration names (a partition's clone resolves to it). */
  constraint?: string;
  column?: string;
  message?: RegExp;
}

/** The constraint a partition clone (or partition index) was cloned from, up to the root. */
async function rootConstraint(schema: string, table: string, name: string): Promise<string> {
  const rows = await query<{ conname: string }>(
    `WITH RECURSIVE up AS (
       SELECT c.oid, c.conname, c.conparentid FROM pg_constraint c
        WHERE c.conname = $3 AND c.conrelid = to_regclass(format('%I.%I', $1::text, $2::text))
       UNION ALL
       SELECT c.oid, c.conname, c.conparentid FROM pg_constraint c JOIN up ON c.oid = up.conparentid)
     SELECT conname FROM up WHERE conparentid = 0`,
    [schema, table, name],
  );
  return rows[0]?.conname ?? name;
}

export async function expectPgError(
  work: Promise<unknown>,
  exp: PgErrorExpectation,
): Promise<pg.DatabaseError> {
  let error: unknown;
  try {
    await work;
  } catch (e) {
    error = e;
  }
  if (!(error instanceof pg.DatabaseError)) {
    throw new Error(
      `expected PostgreSQL error ${exp.code}${exp.constraint ? ` (${exp.constraint})` : ''}, got ${error instanceof Error ? error.message : error === undefined ? 'success' : JSON.stringify(error)}`,
    );
  }
  expect({ code: error.code, message: error.message }).toMatchObject({ code: exp.code });
  if (exp.constraint) {
    const root =
      error.constraint && error.table
        ? await rootConstraint(error.schema ?? 'public', error.table, error.constraint)
        : error.constraint;
    expect(root, error.message).toBe(exp.constraint);
  }
  if (exp.column) expect(error.column, error.message).toBe(exp.column);
  if (exp.message) expect(error.message).toMatch(exp.message);
  return error;
}

/** One way to break a constraint: override columns of a valid row, or run inserts that must fail. */
export interface Violation<T extends string = string> {
  table: T;
  constraint: string;
  code: string;
  over?: Row;
  run?: () => Promise<unknown>;
}

type Breaker = Row | (() => Promise<unknown>);
const violation =
  (code: string) =>
  <T extends string>(table: T, constraint: string, how: Breaker): Violation<T> =>
    typeof how === 'function'
      ? { table, constraint, code, run: how }
      : { table, constraint, code, over: how };

/** Table-driven constraint cases: breaks.check('users', 'users_email_lowercase', { email: 'A@x' }). */
export const breaks = { check: violation(PG.CHECK), unique: violation(PG.UNIQUE), fk: violation(PG.FK) };

/** The same insert twice: the second must collide with the first. */
export const twice = (insert: () => Promise<unknown>) => async () => {
  await insert();
  return insert();
};

// ---------------------------------------------------------------------------
// Catalog helpers: lets each test file prove it covers every constraint
// ---------------------------------------------------------------------------

/** CHECK, UNIQUE, PRIMARY KEY and FOREIGN KEY constraints declared on these tables (not partition clones). */
export async function declaredConstraints(tables: string[]): Promise<string[]> {
  const rows = await query<{ conname: string }>(
    `SELECT conname FROM pg_constraint
      WHERE conrelid = ANY (SELECT to_regclass(t) FROM unnest($1::text[]) t)
        AND contype IN ('c', 'u', 'p', 'f') AND conparentid = 0
      ORDER BY conname`,
    [tables],
  );
  return rows.map((r) => r.conname);
}

/** `table.column` for every NOT NULL column of these tables. */
export async function notNullColumns(tables: string[]): Promise<string[]> {
  const rows = await query<{ col: string }>(
    `SELECT c.relname || '.' || a.attname AS col
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.oid = ANY (SELECT to_regclass(t) FROM unnest($1::text[]) t)
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attnotnull
      ORDER BY 1`,
    [tables],
  );
  return rows.map((r) => r.col);
}

/** The quoted literals of a CHECK constraint, e.g. the allowed values of a status set. */
export async function checkLiterals(table: string, constraint: string): Promise<string[]> {
  const { def } = await one<{ def: string }>(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = to_regclass($1) AND conname = $2`,
    [table, constraint],
  );
  return [...def.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}
