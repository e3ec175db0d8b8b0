import { describe, expect, it } from 'vitest';
import { createSession, getSession } from '@/lib/auth/sessions';
import { createMerchant } from '@/lib/merchants/create-merchant';
import { MerchantEmailTakenError, MerchantNotFoundError } from '@/lib/merchants/errors';
import { switchMerchant } from '@/lib/merchants/switch-merchant';
import { updateBusinessDetails } from '@/lib/merchants/update-business-details';
import { LiveModeUnavailableError, setDashboardMode } from '@/lib/merchants/set-dashboard-mode';
import type { BusinessDetails } from '@/lib/merchants/business-schema';
import { count, insertMerchant, insertUser, one, query } from '@/tests/helpers/fixtures';

/**
 * Onboarding's use cases against PostgreSQL and Redis: the merchant, its owner,
 * the audit rows and the verification outcome commit together; corrections in
 * the business settings re-run verification; switching merchants and modes.
 */
const context = { ip: '203.0.113.9', userAgent: 'vitest' };
let n = 0;

async function owner() {
  const email = `owner-${++n}-${Date.now()}@example.test`;
  return { userId: await insertUser({ email, name: 'Owner' }), email };
}

function details(over: Partial<BusinessDetails> = {}): BusinessDetails {
  return {
    business_name: 'Harbour Books',
    legal_name: 'Harbour Books Ltd',
    business_type: 'corporation',
    tax_id: '000000000',
    currency: 'KWD',
    email: `shop-${++n}-${Date.now()}@example.test`,
    phone: '+965 2222 0000',
    website: 'https://harbour.example',
    line1: '1 Gulf Road',
    line2: null,
    city: 'Kuwait City',
    state: null,
    postal_code: '13001',
    country: 'KW',
    ...over,
  };
}

describe('createMerchant', () => {
  it('creates a verified, active merchant with its owner, audit rows and a mail', async () => {
    const user = await owner();
    const { merchantId, verification } = await createMerchant(details(), user, context);
    expect(verification).toEqual({ verificationStatus: 'verified', notes: null, status: 'active' });

    const m = await one(
      `SELECT status, verification_status, currency, address FROM merchants WHERE id = $1`,
      [merchantId],
    );
    expect(m).toMatchObject({
      status: 'active',
      verification_status: 'verified',
      currency: 'KWD',
      address: { city: 'Kuwait City', country: 'KW' },
    });
    expect(
      await one(`SELECT role FROM merchant_members WHERE merchant_id = $1 AND user_id = $2`, [
        merchantId,
        user.userId,
      ]),
    ).toEqual({ role: 'owner' });

    const audit = await query(
      `SELECT action, outcome, actor_user_id, ip, details FROM audit_log WHERE merchant_id = $1 ORDER BY id`,
      [merchantId],
    );
    expect(audit.map((a) => a.action)).toEqual(['merchant.created', 'merchant.verification']);
    expect(audit[0]).toMatchObject({ outcome: 'success', actor_user_id: user.userId, ip: '203.0.113.9' });
    expect(audit[1]!.details).toMatchObject({
      verification_status: 'verified',
      status: 'active',
      previous_status: 'pending',
    });

    const mail = await one(`SELECT to_address, kind, subject FROM mail_outbox WHERE merchant_id = $1`, [
      merchantId,
    ]);
    expect(mail).toEqual({
      to_address: user.email,
      kind: 'merchant_verification',
      subject: 'Harbour Books is verified',
    });
  });

  it('records a failed verification (111111111) with its note and leaves the merchant pending', async () => {
    const { merchantId, verification } = await createMerchant(
      details({ tax_id: '111-11-1111' }),
      await owner(),
      context,
    );
    expect(verification.verificationStatus).toBe('failed');
    const m = await one(
      `SELECT status, verification_status, verification_notes FROM merchants WHERE id = $1`,
      [merchantId],
    );
    expect(m).toEqual({
      status: 'pending',
      verification_status: 'failed',
      verification_notes: 'The tax ID could not be verified',
    });
    expect(
      await count(
        'audit_log',
        `merchant_id = $1 AND action = 'merchant.verification' AND outcome = 'failure'`,
        [merchantId],
      ),
    ).toBe(1);
  });

  it('leaves 222222222 pending for manual review', async () => {
    const { merchantId } = await createMerchant(details({ tax_id: '222222222' }), await owner(), context);
    expect(
      await one(`SELECT status, verification_status FROM merchants WHERE id = $1`, [merchantId]),
    ).toEqual({ status: 'pending', verification_status: 'pending' });
  });

  it('refuses a business email another merchant uses, and leaves nothing behind', async () => {
    const taken = details();
    await createMerchant(taken, await owner(), context);
    const user = await owner();
    await expect(
      createMerchant(details({ email: taken.email, business_name: 'Copycat' }), user, context),
    ).rejects.toBeInstanceOf(MerchantEmailTakenError);
    expect(await count('merchant_members', 'user_id = $1', [user.userId])).toBe(0);
    expect(await count('audit_log', `actor_user_id = $1`, [user.userId])).toBe(0);
  });
});

describe('updateBusinessDetails', () => {
  it('re-runs verification when a failed merchant corrects the tax ID, and activates it', async () => {
    const user = await owner();
    const input = details({ tax_id: '111111111' });
    const { merchantId } = await createMerchant(input, user, context);

    const result = await updateBusinessDetails(merchantId, { ...input, tax_id: '000000000' }, user, context);
    expect(result.changed).toEqual(['taxId']);
    expect(result.verification).toMatchObject({ verificationStatus: 'verified', status: 'active' });
    expect(
      await one(`SELECT status, verification_status, verification_notes FROM merchants WHERE id = $1`, [
        merchantId,
      ]),
    ).toEqual({
      status: 'active',
      verification_status: 'verified',
      verification_notes: null,
    });
    const actions = (
      await query(`SELECT action FROM audit_log WHERE merchant_id = $1 ORDER BY id`, [merchantId])
    ).map((r) => r.action);
    expect(actions).toEqual([
      'merchant.created',
      'merchant.verification',
      'merchant.updated',
      'merchant.verification',
    ]);
  });

  it('does not re-verify a verified merchant for a change verification does not look at', async () => {
    const user = await owner();
    const input = details();
    const { merchantId } = await createMerchant(input, user, context);
    const result = await updateBusinessDetails(
      merchantId,
      { ...input, business_name: 'Harbour Books & Maps', tax_id: '000-000-000' },
      user,
      context,
    );
    expect(result).toEqual({ changed: ['businessName', 'taxId'], verification: null });
    expect(
      await updateBusinessDetails(
        merchantId,
        { ...input, business_name: 'Harbour Books & Maps', tax_id: '000-000-000' },
        user,
        context,
      ),
    ).toEqual({
      changed: [],
      verification: null,
    });
  });

  it('takes a failed re-check of an active merchant out of live mode without deactivating it', async () => {
    const user = await owner();
    const input = details();
    const { merchantId } = await createMerchant(input, user, context);
    await updateBusinessDetails(merchantId, { ...input, tax_id: '111111111' }, user, context);
    expect(
      await one(`SELECT status, verification_status FROM merchants WHERE id = $1`, [merchantId]),
    ).toEqual({ status: 'active', verification_status: 'failed' });
  });

  it('answers "not found" for a merchant id that does not exist', async () => {
    await expect(
      updateBusinessDetails('00000000-0000-4000-8000-000000000000', details(), await owner(), context),
    ).rejects.toBeInstanceOf(MerchantNotFoundError);
  });
});

describe('switching merchant and mode', () => {
  it('switches only to a merchant the user belongs to; another one is "not found"', async () => {
    const user = await owner();
    const { merchantId: first } = await createMerchant(details(), user, context);
    const { merchantId: second } = await createMerchant(
      details({ business_name: 'Second Shop' }),
      user,
      context,
    );
    const stranger = await insertMerchant();
    const session = await createSession({ userId: user.userId, merchantId: first }, context);

    await setDashboardMode(session.id, 'live', true);
    await switchMerchant(session.id, user.userId, second);
    expect(await getSession(session.id)).toMatchObject({ merchantId: second, mode: 'test' });

    await expect(switchMerchant(session.id, user.userId, stranger)).rejects.toBeInstanceOf(
      MerchantNotFoundError,
    );
    expect((await getSession(session.id))?.merchantId).toBe(second);
  });

  it('refuses live mode unless it is available', async () => {
    const user = await owner();
    const session = await createSession({ userId: user.userId, merchantId: null }, context);
    await expect(setDashboardMode(session.id, 'live', false)).rejects.toBeInstanceOf(
      LiveModeUnavailableError,
    );
    expect((await getSession(session.id))?.mode).toBe('test');
    expect(await setDashboardMode(session.id, 'live', true)).toBe('live');
    expect((await getSession(session.id))?.mode).toBe('live');
  });
});
