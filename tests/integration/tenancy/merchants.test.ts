import { describe, expect, it } from 'vitest';
import { createSession, getSession } from '@/lib/auth/sessions';
import { businessDetailsSchema } from '@/lib/merchants/business-schema';
import { MerchantNotFoundError } from '@/lib/merchants/errors';
import { listMemberships } from '@/lib/merchants/list-memberships';
import { switchMerchant } from '@/lib/merchants/switch-merchant';
import { insertMember, insertMerchant, insertUser } from '@/tests/helpers/fixtures';

/**
 * lib/merchants with two merchants: a member of A cannot point their session
 * at B (not found, like an id that does not exist), does not see B among
 * their merchants, and the business settings form has no way to name another
 * merchant: the one it changes is always the session's.
 */
const ctx = { ip: '192.0.2.20', userAgent: 'tenancy-test' };

async function twoMerchants() {
  const [a, b] = [
    await insertMerchant({ business_name: 'A Shop' }),
    await insertMerchant({ business_name: 'B Shop' }),
  ];
  const userA = await insertUser();
  await insertMember(a, userA, { role: 'owner' });
  await insertMember(b, await insertUser(), { role: 'owner' });
  return { a, b, userA };
}

describe("a member of merchant A with merchant B's id", () => {
  it('cannot switch the session to B: not found, like an unknown id, and the session is unchanged', async () => {
    const { a, b, userA } = await twoMerchants();
    const session = await createSession({ userId: userA, merchantId: a, mode: 'test' }, ctx);
    for (const id of [b, '00000000-0000-4000-8000-000000000000']) {
      await expect(switchMerchant(session.id, userA, id)).rejects.toBeInstanceOf(MerchantNotFoundError);
    }
    expect(await getSession(session.id)).toMatchObject({ merchantId: a, mode: 'test' });
  });

  it("does not see B among the user's merchants", async () => {
    const { a, userA } = await twoMerchants();
    expect((await listMemberships(userA)).map((m) => m.merchantId)).toEqual([a]);
  });

  it('cannot name a merchant in the business settings form (strict schema: unknown keys are refused)', async () => {
    const { b } = await twoMerchants();
    const valid = {
      business_name: 'A Shop',
      legal_name: 'A Shop Ltd',
      business_type: 'llc',
      tax_id: '000000000',
      currency: 'USD',
      email: 'a-shop@example.test',
      line1: '1 Main St',
      city: 'Springfield',
      country: 'US',
    };
    expect(businessDetailsSchema.safeParse(valid).success).toBe(true);
    for (const key of ['merchant_id', 'merchantId', 'id']) {
      const parsed = businessDetailsSchema.safeParse({ ...valid, [key]: b });
      expect(parsed.success, key).toBe(false);
    }
  });
});
