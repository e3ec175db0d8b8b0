import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/admin/list-audit-events';
import { insertAuditEvent, insertMerchant } from '@/tests/helpers/fixtures';

// Each test writes events under an action name of its own and filters by it.
const action = () => `test.${Math.random().toString(36).slice(2, 8)}`;

describe('listAuditEvents', () => {
  it('newest first, with every field and the merchant name looked up', async () => {
    const a = action();
    const m = await insertMerchant({ business_name: 'Named Shop' });
    await insertAuditEvent({ action: a, actor_email: 'first@example.test' });
    await insertAuditEvent({
      action: a,
      outcome: 'denied',
      actor_email: 'second@example.test',
      merchant_id: m,
      target_type: 'merchant',
      target_id: m,
      ip: '203.0.113.1',
      user_agent: 'UA',
      details: { permission: 'team:write' },
    });
    const { rows, olderBefore, newerAfter } = await listAuditEvents({ action: a });
    expect([olderBefore, newerAfter]).toEqual([null, null]);
    expect(rows.map((r) => r.actorEmail)).toEqual(['second@example.test', 'first@example.test']);
    expect(rows[0]).toMatchObject({
      outcome: 'denied',
      merchantId: m,
      merchantName: 'Named Shop',
      targetType: 'merchant',
      targetId: m,
      ip: '203.0.113.1',
      userAgent: 'UA',
      details: { permission: 'team:write' },
      occurredAt: expect.any(Date),
    });
    expect(rows[1]).toMatchObject({ merchantId: null, merchantName: null });
  });

  it('filters by outcome, actor email (part, any case, literal), merchant and date range', async () => {
    const a = action();
    const [m1, m2] = [await insertMerchant(), await insertMerchant()];
    await insertAuditEvent({
      action: a,
      outcome: 'success',
      actor_email: 'ann_x@example.test',
      merchant_id: m1,
      occurred_at: '2026-03-01T10:00:00Z',
    });
    await insertAuditEvent({
      action: a,
      outcome: 'failure',
      actor_email: 'annex@example.test',
      merchant_id: m2,
      occurred_at: '2026-03-02T10:00:00Z',
    });
    await insertAuditEvent({
      action: a,
      outcome: 'denied',
      actor_email: 'bob@example.test',
      merchant_id: m1,
      occurred_at: '2026-03-03T10:00:00Z',
    });
    const emails = async (f: Parameters<typeof listAuditEvents>[0]) =>
      (await listAuditEvents({ action: a, ...f })).rows.map((r) => r.actorEmail);

    expect(await emails({ outcome: 'failure' })).toEqual(['annex@example.test']);
    expect(await emails({ actorEmail: 'ANN' })).toEqual(['annex@example.test', 'ann_x@example.test']);
    expect(await emails({ actorEmail: 'ann_' })).toEqual(['ann_x@example.test']); // `_` is not a wildcard
    expect(await emails({ merchantId: m1 })).toEqual(['bob@example.test', 'ann_x@example.test']);
    expect(
      await emails({ from: new Date('2026-03-02T00:00:00Z'), until: new Date('2026-03-03T00:00:00Z') }),
    ).toEqual(['annex@example.test']);
    expect(await emails({ action: `${a}.nothing` })).toEqual([]);
  });

  it(`pages of ${AUDIT_PAGE_SIZE} by id, both ways, stable while new events arrive`, async () => {
    const a = action();
    const ids: string[] = [];
    for (let i = 0; i < 2 * AUDIT_PAGE_SIZE + 5; i++) ids.push(await insertAuditEvent({ action: a }));
    const newestFirst = [...ids].reverse();

    const first = await listAuditEvents({ action: a });
    expect(first.rows.map((r) => r.id)).toEqual(newestFirst.slice(0, AUDIT_PAGE_SIZE));
    expect(first.newerAfter).toBeNull();
    expect(first.olderBefore).toBe(first.rows.at(-1)?.id);

    const late = await insertAuditEvent({ action: a }); // arrives at the top; older pages are unaffected
    const second = await listAuditEvents({ action: a, before: BigInt(first.olderBefore!) });
    expect(second.rows.map((r) => r.id)).toEqual(newestFirst.slice(AUDIT_PAGE_SIZE, 2 * AUDIT_PAGE_SIZE));
    const third = await listAuditEvents({ action: a, before: BigInt(second.olderBefore!) });
    expect(third.rows.map((r) => r.id)).toEqual(newestFirst.slice(2 * AUDIT_PAGE_SIZE));
    expect(third.olderBefore).toBeNull();

    // Back towards the newest: the same pages; the late event makes one more newer page.
    const back = await listAuditEvents({ action: a, after: BigInt(third.newerAfter!) });
    expect(back.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    const top = await listAuditEvents({ action: a, after: BigInt(back.newerAfter!) });
    expect(top.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(top.newerAfter).toBe(first.rows[0]?.id);
    const latest = await listAuditEvents({ action: a, after: BigInt(top.newerAfter!) });
    expect(latest.rows.map((r) => r.id)).toEqual([late]);
    expect(latest.newerAfter).toBeNull();
  });
});
