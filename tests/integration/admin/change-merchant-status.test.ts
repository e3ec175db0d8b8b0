import { describe, expect, it } from 'vitest';
import {
  MerchantNotFoundError,
  StatusChangeRefusedError,
  changeMerchantStatus,
  type StatusChangeInput,
} from '@/lib/admin/change-merchant-status';
import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { count, insertMember, insertMerchant, insertUser, one, query, sql } from '@/tests/helpers/fixtures';

const CONTEXT = { ip: '198.51.100.7', userAgent: 'vitest' };

async function operator() {
  const email = `ops-${Math.random().toString(36).slice(2, 8)}@example.test`;
  return { userId: await insertUser({ email, role: 'admin' }), email };
}

/** A merchant with an owner, a second owner and a developer. */
async function merchantWithTeam(over: Record<string, unknown> = {}) {
  const id = await insertMerchant({ business_name: 'Harbor Coffee', ...over });
  const owners = [`owner1-${id.slice(0, 6)}@example.test`, `owner2-${id.slice(0, 6)}@example.test`];
  for (const email of owners) await insertMember(id, await insertUser({ email }), { role: 'owner' });
  await insertMember(id, await insertUser({ email: `dev-${id.slice(0, 6)}@example.test` }), {
    role: 'developer',
  });
  return { id, owners };
}

const merchantRow = (id: string) =>
  one('SELECT status, verification_status, verification_notes FROM merchants WHERE id = $1', [id]);

async function refusal(work: Promise<unknown>): Promise<StatusChangeRefusedError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StatusChangeRefusedError);
  return err as StatusChangeRefusedError;
}

describe('changeMerchantStatus', () => {
  it('approve: pending -> active, verification verified, notes cleared; audited, owners mailed', async () => {
    const ops = await operator();
    const { id, owners } = await merchantWithTeam({
      status: 'pending',
      verification_status: 'failed',
      verification_notes: 'Tax id did not match.',
    });
    const result = await changeMerchantStatus({ merchantId: id, action: 'approve' }, ops, CONTEXT);
    expect(result).toEqual({ businessName: 'Harbor Coffee', from: 'pending', to: 'active' });
    expect(await merchantRow(id)).toEqual({
      status: 'active',
      verification_status: 'verified',
      verification_notes: null,
    });

    const audit = await one(
      `SELECT actor_user_id, actor_email, merchant_id, target_type, target_id, outcome, ip, user_agent, details
         FROM audit_log WHERE action = 'merchant.status_changed' AND merchant_id = $1`,
      [id],
    );
    expect(audit).toEqual({
      actor_user_id: ops.userId,
      actor_email: ops.email,
      merchant_id: id,
      target_type: 'merchant',
      target_id: id,
      outcome: 'success',
      ip: '198.51.100.7',
      user_agent: 'vitest',
      details: {
        action: 'approve',
        before: 'pending',
        after: 'active',
        reason: null,
        verification_before: 'failed',
        verification_after: 'verified',
      },
    });

    const mail = await query<{ to_address: string; kind: string; subject: string }>(
      `SELECT to_address, kind, subject FROM mail_outbox WHERE merchant_id = $1 ORDER BY to_address`,
      [id],
    );
    expect(mail).toEqual(
      owners
        .sort()
        .map((to) => ({ to_address: to, kind: 'merchant_status', subject: 'Harbor Coffee is approved' })),
    );
  });

  it('suspend needs a reason, which the audit log keeps and the owners are told', async () => {
    const ops = await operator();
    const { id } = await merchantWithTeam({ status: 'active', verification_status: 'verified' });
    const err = await refusal(
      changeMerchantStatus({ merchantId: id, action: 'suspend', reason: '   ' }, ops),
    );
    expect(err.code).toBe('reason_required');
    expect((await merchantRow(id)).status).toBe('active');

    await changeMerchantStatus({ merchantId: id, action: 'suspend', reason: 'Unusual chargeback rate' }, ops);
    expect(await merchantRow(id)).toMatchObject({ status: 'suspended', verification_status: 'verified' });
    const { details } = await one(
      `SELECT details FROM audit_log WHERE merchant_id = $1 AND action = 'merchant.status_changed' AND outcome = 'success'`,
      [id],
    );
    expect(details).toEqual({
      action: 'suspend',
      before: 'active',
      after: 'suspended',
      reason: 'Unusual chargeback rate',
    });
    const bodies = await query<{ body_text: string }>(
      'SELECT body_text FROM mail_outbox WHERE merchant_id = $1',
      [id],
    );
    expect(bodies).toHaveLength(2);
    for (const { body_text } of bodies) expect(body_text).toContain('Unusual chargeback rate');
  });

  it('reactivate: suspended -> active', async () => {
    const ops = await operator();
    const { id } = await merchantWithTeam({ status: 'suspended' });
    await expect(changeMerchantStatus({ merchantId: id, action: 'reactivate' }, ops)).resolves.toMatchObject({
      from: 'suspended',
      to: 'active',
    });
    expect((await merchantRow(id)).status).toBe('active');
  });

  it('close needs the business name typed exactly, and is final', async () => {
    const ops = await operator();
    const { id } = await merchantWithTeam({ status: 'suspended' });
    for (const confirmation of [undefined, 'harbor coffee', 'Harbor']) {
      const err = await refusal(changeMerchantStatus({ merchantId: id, action: 'close', confirmation }, ops));
      expect(err.code).toBe('confirmation_mismatch');
    }
    expect((await merchantRow(id)).status).toBe('suspended');

    await changeMerchantStatus({ merchantId: id, action: 'close', confirmation: ' Harbor Coffee ' }, ops);
    expect((await merchantRow(id)).status).toBe('closed');
    for (const action of ['approve', 'suspend', 'reactivate', 'close'] as const) {
      const err = await refusal(
        changeMerchantStatus({ merchantId: id, action, reason: 'x', confirmation: 'Harbor Coffee' }, ops),
      );
      expect(err).toMatchObject({ code: 'illegal_transition', message: expect.stringContaining('closed') });
    }
    expect((await merchantRow(id)).status).toBe('closed');
  });

  it.each([
    { status: 'active', action: 'approve' },
    { status: 'pending', action: 'suspend' },
    { status: 'active', action: 'reactivate' },
    { status: 'suspended', action: 'suspend' },
  ] as const)(
    'refuses $action from $status, changes nothing, mails nobody, logs the failure',
    async ({ status, action }) => {
      const ops = await operator();
      const { id } = await merchantWithTeam({ status, verification_status: 'pending' });
      const err = await refusal(changeMerchantStatus({ merchantId: id, action, reason: 'because' }, ops));
      expect(err.code).toBe('illegal_transition');
      expect(err.message).toMatch(/is not possible/);
      expect(await merchantRow(id)).toMatchObject({ status, verification_status: 'pending' });
      expect(await count('mail_outbox', 'merchant_id = $1', [id])).toBe(0);
      const rows = await query(`SELECT outcome, details FROM audit_log WHERE merchant_id = $1`, [id]);
      expect(rows).toEqual([
        { outcome: 'failure', details: { action, refused: 'illegal_transition', reason: 'because' } },
      ]);
    },
  );

  it('an unknown or malformed merchant id is not found', async () => {
    const ops = await operator();
    for (const merchantId of [
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
      "'; DROP TABLE merchants; --",
    ]) {
      await expect(changeMerchantStatus({ merchantId, action: 'approve' }, ops)).rejects.toBeInstanceOf(
        MerchantNotFoundError,
      );
    }
  });

  it('drops the cached merchant config and profile', async () => {
    const ops = await operator();
    const { id } = await merchantWithTeam({ status: 'active' });
    await redis().set(keys.merchantConfig(id), '{"status":"active"}');
    await redis().set(keys.merchantProfile(id), '{"status":"active"}');
    await changeMerchantStatus({ merchantId: id, action: 'suspend', reason: 'Review' }, ops);
    expect(await redis().exists(keys.merchantConfig(id), keys.merchantProfile(id))).toBe(0);
  });

  it('keeps the cache when the change is refused', async () => {
    const ops = await operator();
    const { id } = await merchantWithTeam({ status: 'active' });
    await redis().set(keys.merchantConfig(id), '{"status":"active"}');
    await refusal(changeMerchantStatus({ merchantId: id, action: 'approve' }, ops));
    expect(await redis().exists(keys.merchantConfig(id))).toBe(1);
    await redis().del(keys.merchantConfig(id));
  });
});

describe('two operators at once', () => {
  it('an UPDATE planned from a status that changed meanwhile matches no row: refused, not overwritten', async () => {
    const ops = await operator();
    const { id } = await merchantWithTeam({ status: 'active' });
    // Another operator's transaction suspends the merchant and holds the row lock.
    const other = await sql().connect();
    try {
      await other.query('BEGIN');
      await other.query(`UPDATE merchants SET status = 'suspended' WHERE id = $1`, [id]);
      // Ours reads 'active' (the other change is not committed), plans active -> closed ...
      const ours = changeMerchantStatus(
        { merchantId: id, action: 'close', confirmation: 'Harbor Coffee' },
        ops,
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      // ... and its conditional UPDATE waits for the other transaction's row lock.
      await expect
        .poll(async () => (await one(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`)).n)
        .toBeGreaterThan(0);
      await other.query('COMMIT');
      const err = await ours;
      expect(err).toBeInstanceOf(StatusChangeRefusedError);
      expect(err).toMatchObject({ code: 'conflict' });
    } finally {
      other.release();
    }
    expect((await merchantRow(id)).status).toBe('suspended');
    expect(await count('mail_outbox', 'merchant_id = $1', [id])).toBe(0);
    expect(await count('audit_log', `merchant_id = $1 AND outcome = 'success'`, [id])).toBe(0);
  });

  it('two suspends racing: exactly one applies, the other is refused', async () => {
    const [a, b] = [await operator(), await operator()];
    const { id } = await merchantWithTeam({ status: 'active' });
    const input: StatusChangeInput = { merchantId: id, action: 'suspend', reason: 'Fraud review' };
    const results = await Promise.allSettled([
      changeMerchantStatus(input, a),
      changeMerchantStatus(input, b),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((r) => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(StatusChangeRefusedError);
    expect(['conflict', 'illegal_transition']).toContain((rejected?.reason as StatusChangeRefusedError).code);
    expect(await count('audit_log', `merchant_id = $1 AND outcome = 'success'`, [id])).toBe(1);
    expect(await count('mail_outbox', 'merchant_id = $1', [id])).toBe(2); // one per owner, once
  });
});
