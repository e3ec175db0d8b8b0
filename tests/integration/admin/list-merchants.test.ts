import { describe, expect, it } from 'vitest';
import { getMerchantForAdmin } from '@/lib/admin/get-merchant-for-admin';
import { MERCHANTS_PAGE_SIZE, listMerchants } from '@/lib/admin/list-merchants';
import { insertAuditEvent, insertMember, insertMerchant, insertUser } from '@/tests/helpers/fixtures';

// Each test names its merchants with a tag of its own and searches by it, so
// the tests in this file do not see each other's rows.
const tag = () => `t${Math.random().toString(36).slice(2, 8)}`;

describe('listMerchants', () => {
  it('searches business name, merchant email, a member email and the id, case-insensitively', async () => {
    const t = tag();
    const byName = await insertMerchant({ business_name: `Blue ${t} Bakery` });
    const byEmail = await insertMerchant({ email: `billing-${t}@shop.example` });
    const byMember = await insertMerchant();
    await insertMember(byMember, await insertUser({ email: `owner-${t}@example.test` }));
    await insertMerchant({ business_name: 'Unrelated' });

    const found = await listMerchants({ query: t.toUpperCase() });
    expect(found.rows.map((r) => r.id).sort()).toEqual([byName, byEmail, byMember].sort());
    expect((await listMerchants({ query: byName.slice(0, 13) })).rows.map((r) => r.id)).toContain(byName);
    expect((await listMerchants({ query: byName })).rows.map((r) => r.id)).toEqual([byName]);
  });

  it('matches % and _ literally, and treats quotes as text (parameterised)', async () => {
    const t = tag();
    const percent = await insertMerchant({ business_name: `100% ${t}` });
    await insertMerchant({ business_name: `1000 ${t}` });
    expect((await listMerchants({ query: `100% ${t}` })).rows.map((r) => r.id)).toEqual([percent]);
    expect((await listMerchants({ query: '_'.repeat(40) })).total).toBe(0);
    expect((await listMerchants({ query: "' OR 1=1 --" })).total).toBe(0);
    const quoted = await insertMerchant({ business_name: `O'Brien ${t}` });
    expect((await listMerchants({ query: `O'Brien ${t}` })).rows.map((r) => r.id)).toEqual([quoted]);
  });

  it('filters by status and verification status, with the search', async () => {
    const t = tag();
    const a = await insertMerchant({
      business_name: `${t} a`,
      status: 'active',
      verification_status: 'verified',
    });
    const b = await insertMerchant({
      business_name: `${t} b`,
      status: 'suspended',
      verification_status: 'verified',
    });
    const c = await insertMerchant({
      business_name: `${t} c`,
      status: 'pending',
      verification_status: 'pending',
    });
    const ids = async (f: Parameters<typeof listMerchants>[0]) =>
      (await listMerchants({ query: t, ...f })).rows.map((r) => r.id).sort();
    expect(await ids({ status: 'suspended' })).toEqual([b]);
    expect(await ids({ verification: 'verified' })).toEqual([a, b].sort());
    expect(await ids({ status: 'pending', verification: 'pending' })).toEqual([c]);
    expect(await ids({ status: 'closed' })).toEqual([]);
  });

  it('shows name, email, status, verification, created and the member count', async () => {
    const t = tag();
    const m = await insertMerchant({
      business_name: `${t} Co`,
      email: `${t}@co.example`,
      status: 'active',
      verification_status: 'verified',
    });
    await insertMember(m, await insertUser(), { role: 'owner' });
    await insertMember(m, await insertUser(), { role: 'analyst' });
    const [row] = (await listMerchants({ query: t })).rows;
    expect(row).toEqual({
      id: m,
      businessName: `${t} Co`,
      email: `${t}@co.example`,
      status: 'active',
      verificationStatus: 'verified',
      createdAt: expect.any(Date),
      memberCount: 2,
    });
  });

  it(`pages by ${MERCHANTS_PAGE_SIZE}, newest first, without gaps or repeats`, async () => {
    const t = tag();
    const made: string[] = [];
    for (let i = 0; i < MERCHANTS_PAGE_SIZE + 3; i++) {
      made.push(
        await insertMerchant({
          business_name: `${t} #${i}`,
          created_at: new Date(Date.UTC(2026, 0, 1, 0, i)),
        }),
      );
    }
    const first = await listMerchants({ query: t, page: 1 });
    const second = await listMerchants({ query: t, page: 2 });
    expect(first).toMatchObject({ total: MERCHANTS_PAGE_SIZE + 3, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(MERCHANTS_PAGE_SIZE);
    expect(second.rows).toHaveLength(3);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual([...made].reverse());
    expect((await listMerchants({ query: t, page: 9 })).rows).toEqual([]);
  });
});

describe('getMerchantForAdmin', () => {
  it('returns details, members (owners first) and the recent audit events of that merchant only', async () => {
    const [m, other] = [await insertMerchant({ business_name: 'Detail Shop' }), await insertMerchant()];
    const dev = await insertUser({ email: `dev-${tag()}@example.test` });
    const owner = await insertUser({ email: `owner-${tag()}@example.test` });
    await insertMember(m, dev, { role: 'developer' });
    await insertMember(m, owner, { role: 'owner' });
    await insertAuditEvent({ merchant_id: m, action: 'merchant.created' });
    await insertAuditEvent({ merchant_id: m, action: 'member.joined' });
    await insertAuditEvent({ merchant_id: other, action: 'merchant.created' });

    const detail = await getMerchantForAdmin(m);
    expect(detail).toMatchObject({ id: m, businessName: 'Detail Shop', address: { line1: '1 Main St' } });
    expect(detail?.members.map((x) => [x.role, x.user.userId])).toEqual([
      ['owner', owner],
      ['developer', dev],
    ]);
    expect(detail?.events.map((e) => e.action)).toEqual(['member.joined', 'merchant.created']);
  });

  it('is null for an unknown or malformed id', async () => {
    expect(await getMerchantForAdmin('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await getMerchantForAdmin('nope')).toBeNull();
  });
});
