import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/permissions';
import { changeMemberRole } from '@/lib/team/change-member-role';
import { TeamError } from '@/lib/team/errors';
import { inviteMember } from '@/lib/team/invite-member';
import { listMembers, listPendingInvitations } from '@/lib/team/list-members';
import { removeMember } from '@/lib/team/remove-member';
import { revokeInvitation } from '@/lib/team/revoke-invitation';
import type { TeamActor } from '@/lib/team/actor';
import {
  count,
  insertInvitation,
  insertMember,
  insertMerchant,
  insertUser,
  one,
  query,
} from '@/tests/helpers/fixtures';

/**
 * Merchant A's owner, holding merchant B's ids (as if guessed or leaked), must
 * get "not found" from every team use case, exactly as for an id that does
 * not exist, and B's rows must be unchanged afterwards. The actor's merchant
 * comes from the session, so A's owner can only ever name B's objects by id.
 */
const ctx = { ip: '192.0.2.10', userAgent: 'tenancy-test' };
const email = (p: string) => `${p.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

interface Tenant {
  merchantId: string;
  owner: TeamActor;
  member: { userId: string; email: string; role: Role };
  invitationId: string;
}

async function tenant(name: string): Promise<Tenant> {
  const merchantId = await insertMerchant({ business_name: name });
  const ownerEmail = email(`${name}-owner`);
  const ownerId = await insertUser({ email: ownerEmail });
  await insertMember(merchantId, ownerId, { role: 'owner' });
  const memberEmail = email(`${name}-dev`);
  const memberId = await insertUser({ email: memberEmail });
  await insertMember(merchantId, memberId, { role: 'developer' });
  const invitationId = await insertInvitation(merchantId, {
    email: email(`${name}-invitee`),
    role: 'analyst',
  });
  return {
    merchantId,
    owner: { merchantId, userId: ownerId, email: ownerEmail, role: 'owner' },
    member: { userId: memberId, email: memberEmail, role: 'developer' },
    invitationId,
  };
}

/** Everything of B's that a team use case could touch, to compare before and after. */
const snapshot = async (merchantId: string) => ({
  members: await query('SELECT user_id, role FROM merchant_members WHERE merchant_id = $1 ORDER BY user_id', [
    merchantId,
  ]),
  invitations: await query(
    'SELECT id, email, role, accepted_at, revoked_at FROM merchant_invitations WHERE merchant_id = $1 ORDER BY id',
    [merchantId],
  ),
  audit: await count('audit_log', 'merchant_id = $1', [merchantId]),
});

async function notFound(work: Promise<unknown>): Promise<TeamError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TeamError);
  expect(err).toMatchObject({ code: 'not_found' });
  return err as TeamError;
}

let a: Tenant;
let b: Tenant;
beforeEach(async () => {
  [a, b] = [await tenant('A'), await tenant('B')];
});

describe("merchant A's owner with merchant B's ids", () => {
  it("cannot change the role of B's member: not found, like an unknown id", async () => {
    const before = await snapshot(b.merchantId);
    const refused = await notFound(
      changeMemberRole(a.owner, { userId: b.member.userId, role: 'analyst' }, ctx),
    );
    const unknown = await notFound(
      changeMemberRole(a.owner, { userId: '00000000-0000-4000-8000-000000000000', role: 'analyst' }, ctx),
    );
    expect(refused.message).toBe(unknown.message);
    // Not even B's owner: promoting/demoting owners is refused the same way.
    await notFound(changeMemberRole(a.owner, { userId: b.owner.userId, role: 'developer' }, ctx));
    expect(await snapshot(b.merchantId)).toEqual(before);
  });

  it("cannot remove B's member or B's owner", async () => {
    const before = await snapshot(b.merchantId);
    await notFound(removeMember(a.owner, b.member.userId, ctx));
    await notFound(removeMember(a.owner, b.owner.userId, ctx));
    expect(await snapshot(b.merchantId)).toEqual(before);
  });

  it("cannot revoke B's invitation", async () => {
    const before = await snapshot(b.merchantId);
    await notFound(revokeInvitation(a.owner, b.invitationId, ctx));
    expect(await snapshot(b.merchantId)).toEqual(before);
    const { revoked_at } = await one('SELECT revoked_at FROM merchant_invitations WHERE id = $1', [
      b.invitationId,
    ]);
    expect(revoked_at).toBeNull();
  });

  it("does not see B's members or invitations in A's lists", async () => {
    const members = await listMembers(a.merchantId);
    expect(members.map((m) => m.userId).sort()).toEqual([a.owner.userId, a.member.userId].sort());
    const invitations = await listPendingInvitations(a.merchantId);
    expect(invitations.map((i) => i.id)).toEqual([a.invitationId]);
  });

  it("inviting B's member to A says nothing about B (no 'already a member')", async () => {
    const before = await snapshot(b.merchantId);
    await inviteMember(a.owner, { email: b.member.email, role: 'support' }, ctx);
    expect(await snapshot(b.merchantId)).toEqual(before);
    expect(
      await count('merchant_invitations', 'merchant_id = $1 AND email = $2', [a.merchantId, b.member.email]),
    ).toBe(1);
  });

  it("A's own objects still work (the refusals above are about B, not the actor)", async () => {
    await changeMemberRole(a.owner, { userId: a.member.userId, role: 'analyst' }, ctx);
    await revokeInvitation(a.owner, a.invitationId, ctx);
    await removeMember(a.owner, a.member.userId, ctx);
    expect(await count('merchant_members', 'merchant_id = $1', [a.merchantId])).toBe(1);
  });
});
