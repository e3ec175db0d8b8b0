import type { Metadata } from 'next';
import { formatDate } from '@/components/account/format';
import { Badge, Section } from '@/components/account/section';
import { InviteForm } from '@/components/team/invite-form';
import { MemberRowActions } from '@/components/team/member-row-actions';
import { RevokeInvitationButton } from '@/components/team/revoke-invitation-button';
import { requireMerchant } from '@/lib/auth/current';
import { can, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { listMembers, listPendingInvitations } from '@/lib/team/list-members';
import {
  changeMemberRoleAction,
  inviteMemberAction,
  removeMemberAction,
  revokeInvitationAction,
} from './actions';
import { cellClass as td, DataTable } from '@/components/ui/data-table';

export const metadata: Metadata = { title: 'Team' };


export default async function TeamPage() {
  // Analysts, developers and support staff get a 403 here: seeing the team
  // (names, e-mails, roles) is part of managing it.
  const ctx = await requireMerchant('team:read');
  const [members, invitations] = await Promise.all([
    listMembers(ctx.merchant.id),
    listPendingInvitations(ctx.merchant.id),
  ]);
  const canWrite = can(ctx.role, 'team:write');
  const canOwner = can(ctx.role, 'team:owner');
  const assignable = ROLES.filter((r) => r !== 'owner' || canOwner).map((r) => ({
    value: r,
    label: ROLE_LABELS[r],
  }));
  const mailboxNote =
    env.DEMO_MODE || env.NODE_ENV === 'development'
      ? 'No mail server is configured in demo mode: the invitation is in the development mailbox at /dev/mailbox.'
      : undefined;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Team</h1>
        <p className="mt-1 text-slate-600">
          People who can sign in to {ctx.merchant.businessName}, and what each of them may do.
        </p>
      </div>

      {canWrite ? (
        <Section
          id="invite"
          title="Invite a member"
          description={
            canOwner
              ? 'They get an e-mail with a link that works for 7 days. They sign in or create an account with that address to join.'
              : 'They get an e-mail with a link that works for 7 days. Only owners can invite owners.'
          }
        >
          <InviteForm action={inviteMemberAction} roles={assignable} note={mailboxNote} />
        </Section>
      ) : null}

      <Section
        id="members"
        title="Members"
        description={`${members.length} ${members.length === 1 ? 'person' : 'people'}`}
      >
        <DataTable
          caption="Team members"
          columns={[
            { label: 'Name' },
            { label: 'Email' },
            { label: 'Role' },
            { label: 'Joined' },
            canWrite && { label: 'Actions', hidden: true },
          ]}
        >
          {members.map((m) => {
            const isSelf = m.userId === ctx.user.userId;
            // Owners' rows are only editable by owners (the server checks this too).
            const editable = canWrite && (m.role !== 'owner' || canOwner);
            return (
              <tr key={m.userId}>
                <td className={`${td} font-medium text-slate-900`}>
                  {m.name ?? '—'} {isSelf ? <Badge tone="indigo">You</Badge> : null}
                </td>
                <td className={td}>{m.email}</td>
                <td className={td}>
                  <Badge tone={m.role === 'owner' ? 'green' : 'slate'}>{ROLE_LABELS[m.role]}</Badge>
                </td>
                <td className={`${td} whitespace-nowrap`}>{formatDate(m.joinedAt)}</td>
                {canWrite ? (
                  <td className={`${td} text-right`}>
                    {editable ? (
                      <MemberRowActions
                        userId={m.userId}
                        name={m.name ?? m.email}
                        role={m.role}
                        roles={assignable}
                        isSelf={isSelf}
                        changeRoleAction={changeMemberRoleAction}
                        removeAction={removeMemberAction}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </DataTable>
      </Section>

      <Section id="invitations" title="Pending invitations">
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-600">No invitations are waiting to be accepted.</p>
        ) : (
          <DataTable
            caption="Pending invitations"
            columns={[
              { label: 'Email' },
              { label: 'Role' },
              { label: 'Invited by' },
              { label: 'Expires' },
              canWrite && { label: 'Actions', hidden: true },
            ]}
          >
            {invitations.map((i) => (
              <tr key={i.id}>
                <td className={`${td} font-medium text-slate-900`}>{i.email}</td>
                <td className={td}>{ROLE_LABELS[i.role]}</td>
                <td className={td}>{i.invitedByEmail ?? '—'}</td>
                <td className={`${td} whitespace-nowrap`}>
                  {i.state === 'expired' ? <Badge tone="amber">Expired</Badge> : formatDate(i.expiresAt)}
                </td>
                {canWrite ? (
                  <td className={`${td} text-right`}>
                    {i.role !== 'owner' || canOwner ? (
                      <RevokeInvitationButton
                        invitationId={i.id}
                        email={i.email}
                        action={revokeInvitationAction}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
      </Section>

      <Section id="roles" title="Roles">
        <dl className="grid gap-4 sm:grid-cols-2">
          {ROLES.map((r) => (
            <div key={r} className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
              <dt className="text-sm font-semibold text-slate-900">{ROLE_LABELS[r]}</dt>
              <dd className="mt-1 text-sm text-slate-600">{ROLE_DESCRIPTIONS[r]}</dd>
            </div>
          ))}
        </dl>
      </Section>
    </div>
  );
}
