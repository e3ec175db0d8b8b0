import { afterEach, describe, expect, it } from 'vitest';
import { advanceClockForTests, resetClockForTests } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { acceptInvitation } from '@/lib/team/accept-invitation';
import { changeMemberRole } from '@/lib/team/change-member-role';
import { TeamError } from '@/lib/team/errors';
import { getInvitationByToken } from '@/lib/team/get-invitation';
import { hashInvitationToken } from '@/lib/team/invitation-token';
import { inviteMember } from '@/lib/team/invite-member';
import { listMembers, listPendingInvitations } from '@/lib/team/list-members';
import { removeMember } from '@/lib/team/remove-member';
import { revokeInvitation } from '@/lib/team/revoke-invitation';
import { auditRows, ctx, mailTo, newActor, newMerchant, newUser, uniqueEmail } from './helpers';

afterEach(() => resetClockForTests());

const tokenOf = (link: string) => link.split('/invite/')[1]!;

async function expectTeamError(work: Promise<unknown>, code: TeamError['code']): Promise<void> {
  await expect(work).rejects.toBeInstanceOf(TeamError);
  await expect(work).rejects.toMatchObject({ code });
}

describe('inviting and joining', () => {
  it('invites by e-mail, mails the link, and the invited person joins with the role', async () => {
    const merchantId = await newMerchant('Acme');
    const owner = await newActor(merchantId, 'owner');
    const invitee = await newUser('invitee');

    const { invitationId, link } = await inviteMember(owner, { email: invitee.email, role: 'analyst' }, ctx);
    const token = tokenOf(link);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db().merchantInvitation.findUniqueOrThrow({ where: { id: invitationId } });
    // Only the hash is stored.
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 3600_000);
    const [mail] = await mailTo(invitee.email);
    expect(mail).toMatchObject({ kind: 'invitation', merchantId });
    expect(mail!.bodyText).toContain(link);
    expect(await auditRows('member.invited', { merchantId })).toMatchObject([
      {
        actorUserId: owner.userId,
        targetId: invitationId,
        details: { email: invitee.email, role: 'analyst' },
      },
    ]);
    expect(await listPendingInvitations(merchantId)).toMatchObject([
      { id: invitationId, state: 'open', role: 'analyst' },
    ]);
    expect(await getInvitationByToken(token)).toMatchObject({
      merchantName: 'Acme',
      role: 'analyst',
      state: 'open',
    });

    // Someone else holding the link cannot use it.
    const other = await newUser('other');
    await expectTeamError(acceptInvitation({ token, user: other }, ctx), 'email_mismatch');

    await acceptInvitation(
      { token, user: { userId: invitee.userId, email: invitee.email.toUpperCase() } },
      ctx,
    );
    expect((await listMembers(merchantId)).map((m) => [m.email, m.role])).toEqual([
      [owner.email, 'owner'],
      [invitee.email, 'analyst'],
    ]);
    expect(await listPendingInvitations(merchantId)).toEqual([]);
    expect(await auditRows('member.joined', { merchantId })).toMatchObject([
      { actorUserId: invitee.userId, details: { role: 'analyst' } },
    ]);
    await expectTeamError(acceptInvitation({ token, user: invitee }, ctx), 'invitation_accepted');
  });

  it('one invitation cannot be accepted twice, even by racing requests', async () => {
    const merchantId = await newMerchant();
    const owner = await newActor(merchantId, 'owner');
    const invitee = await newUser('racer');
    const { link } = await inviteMember(owner, { email: invitee.email, role: 'developer' }, ctx);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => acceptInvitation({ token: tokenOf(link), user: invitee }, ctx)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().merchantMember.count({ where: { merchantId, userId: invitee.userId } })).toBe(1);
    expect(await auditRows('member.joined', { merchantId })).toHaveLength(1);
  });

  it('refuses expired and revoked invitations, and a second open invitation to one address', async () => {
    const merchantId = await newMerchant();
    const owner = await newActor(merchantId, 'owner');
    const invitee = await newUser('late');
    const first = await inviteMember(owner, { email: invitee.email, role: 'support' }, ctx);
    await expectTeamError(
      inviteMember(owner, { email: invitee.email, role: 'analyst' }, ctx),
      'already_invited',
    );

    await revokeInvitation(owner, first.invitationId, ctx);
    await expectTeamError(
      acceptInvitation({ token: tokenOf(first.link), user: invitee }, ctx),
      'invitation_revoked',
    );
    expect(await auditRows('member.invitation_revoked', { merchantId })).toHaveLength(1);

    const second = await inviteMember(owner, { email: invitee.email, role: 'support' }, ctx);
    advanceClockForTests(7 * 24 * 3600_000 + 1000);
    await expectTeamError(
      acceptInvitation({ token: tokenOf(second.link), user: invitee }, ctx),
      'invitation_expired',
    );
    expect(await listPendingInvitations(merchantId)).toMatchObject([
      { id: second.invitationId, state: 'expired' },
    ]);
    // An expired invitation gives way to a new one.
    const third = await inviteMember(owner, { email: invitee.email, role: 'support' }, ctx);
    await acceptInvitation({ token: tokenOf(third.link), user: invitee }, ctx);
    await expectTeamError(
      inviteMember(owner, { email: invitee.email, role: 'analyst' }, ctx),
      'already_member',
    );
  });

  it('only owners invite owners; roles without team:write cannot invite at all', async () => {
    const merchantId = await newMerchant();
    const admin = await newActor(merchantId, 'admin');
    const analyst = await newActor(merchantId, 'analyst');
    await expectTeamError(
      inviteMember(admin, { email: uniqueEmail(), role: 'owner' }, ctx),
      'owner_required',
    );
    await expectTeamError(inviteMember(analyst, { email: uniqueEmail(), role: 'support' }, ctx), 'forbidden');
    await inviteMember(admin, { email: uniqueEmail(), role: 'developer' }, ctx);
    expect(await db().merchantInvitation.count({ where: { merchantId } })).toBe(1);
  });
});

describe('roles and removal', () => {
  it('changes roles and removes members, with audit rows', async () => {
    const merchantId = await newMerchant();
    const owner = await newActor(merchantId, 'owner');
    const member = await newActor(merchantId, 'analyst');

    expect(await changeMemberRole(owner, { userId: member.userId, role: 'developer' }, ctx)).toEqual({
      from: 'analyst',
      to: 'developer',
    });
    expect(await auditRows('member.role_changed', { merchantId })).toMatchObject([
      { actorUserId: owner.userId, targetId: member.userId, details: { from: 'analyst', to: 'developer' } },
    ]);
    await removeMember(owner, member.userId, ctx);
    expect(await db().merchantMember.count({ where: { merchantId, userId: member.userId } })).toBe(0);
    expect(await auditRows('member.removed', { merchantId })).toMatchObject([
      { targetId: member.userId, details: { role: 'developer' } },
    ]);
  });

  it('never leaves an account without an owner', async () => {
    const merchantId = await newMerchant();
    const owner = await newActor(merchantId, 'owner');
    const admin = await newActor(merchantId, 'admin');
    await expectTeamError(
      changeMemberRole(owner, { userId: owner.userId, role: 'admin' }, ctx),
      'last_owner',
    );
    await expectTeamError(removeMember(owner, owner.userId, ctx), 'last_owner');
    // Admins cannot touch owners or make them.
    await expectTeamError(removeMember(admin, owner.userId, ctx), 'owner_required');
    await expectTeamError(
      changeMemberRole(admin, { userId: admin.userId, role: 'owner' }, ctx),
      'owner_required',
    );

    // With two owners, two simultaneous demotions: exactly one wins.
    await changeMemberRole(owner, { userId: admin.userId, role: 'owner' }, ctx);
    const second = { ...admin, role: 'owner' as const };
    const results = await Promise.allSettled([
      changeMemberRole(owner, { userId: owner.userId, role: 'admin' }, ctx),
      changeMemberRole(second, { userId: second.userId, role: 'admin' }, ctx),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().merchantMember.count({ where: { merchantId, role: 'owner' } })).toBe(1);
  });

  it('a member can leave unless they are the last owner', async () => {
    const merchantId = await newMerchant();
    await newActor(merchantId, 'owner');
    const admin = await newActor(merchantId, 'admin');
    await removeMember(admin, admin.userId, ctx);
    expect(await auditRows('member.removed', { merchantId })).toMatchObject([{ details: { self: true } }]);
  });
});

describe('tenancy: a member of merchant A cannot touch merchant B', () => {
  it('answers "not found" for B’s members and invitations, and changes nothing', async () => {
    const merchantA = await newMerchant('A');
    const merchantB = await newMerchant('B');
    const ownerA = await newActor(merchantA, 'owner');
    const ownerB = await newActor(merchantB, 'owner');
    const memberB = await newActor(merchantB, 'developer');
    const invitationB = await inviteMember(ownerB, { email: uniqueEmail('b-invitee'), role: 'analyst' }, ctx);
    const snapshot = async () => ({
      members: await db().merchantMember.findMany({
        where: { merchantId: merchantB },
        orderBy: { userId: 'asc' },
      }),
      invitations: await db().merchantInvitation.findMany({ where: { merchantId: merchantB } }),
    });
    const before = await snapshot();

    await expectTeamError(
      changeMemberRole(ownerA, { userId: memberB.userId, role: 'analyst' }, ctx),
      'not_found',
    );
    await expectTeamError(
      changeMemberRole(ownerA, { userId: ownerB.userId, role: 'admin' }, ctx),
      'not_found',
    );
    await expectTeamError(removeMember(ownerA, memberB.userId, ctx), 'not_found');
    await expectTeamError(removeMember(ownerA, ownerB.userId, ctx), 'not_found');
    await expectTeamError(revokeInvitation(ownerA, invitationB.invitationId, ctx), 'not_found');
    // An invitation id is not its token: "accepting by id" finds nothing.
    await expectTeamError(
      acceptInvitation({ token: invitationB.invitationId, user: ownerA }, ctx),
      'not_found',
    );

    expect(await snapshot()).toEqual(before);
    expect(await listMembers(merchantA)).toHaveLength(1);
    expect(await listPendingInvitations(merchantA)).toEqual([]);
    // Nothing was audited as done to B.
    expect(await db().auditLog.count({ where: { merchantId: merchantB, actorUserId: ownerA.userId } })).toBe(
      0,
    );
  });
});
