import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/account/sign-out-button';
import { formatDateTime } from '@/components/account/format';
import { CsrfProvider } from '@/components/auth/csrf';
import { buttonClass } from '@/components/forms/button-class';
import { Logo } from '@/components/site/logo';
import { AcceptInvitationForm } from '@/components/team/accept-invitation-form';
import { getViewer, type Viewer } from '@/lib/auth/current';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/lib/auth/permissions';
import { SessionStoreUnavailableError } from '@/lib/auth/sessions';
import { getInvitationByToken, type InvitationView } from '@/lib/team/get-invitation';
import { acceptInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Team invitation' };

const STATE_MESSAGES = {
  expired: 'This invitation has expired. Ask the person who invited you to send a new one.',
  revoked: 'This invitation was revoked. Ask the person who invited you to send a new one.',
  accepted: 'This invitation has already been used.',
} as const;

async function currentViewer(): Promise<Viewer | null> {
  try {
    return await getViewer();
  } catch (err) {
    if (err instanceof SessionStoreUnavailableError) redirect('/unavailable');
    throw err;
  }
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitationByToken(token);
  if (!invitation) notFound();
  const viewer = await currentViewer();
  const here = `/invite/${token}`;

  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-16 max-w-6xl items-center px-6">
          <Logo />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-lg flex-1 px-6 py-16">
        <div className="rounded-2xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm font-semibold text-indigo-700">Team invitation</p>
          <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">
            Join {invitation.merchantName}
          </h1>
          <p className="mt-3 text-slate-700">
            {invitation.invitedByEmail ?? 'A team member'} invited{' '}
            <span className="font-medium">{invitation.email}</span> to join as{' '}
            <span className="font-medium">{ROLE_LABELS[invitation.role]}</span>.
          </p>
          <p className="mt-2 text-sm text-slate-600">{ROLE_DESCRIPTIONS[invitation.role]}</p>
          <div className="mt-6">
            <InvitationAction invitation={invitation} viewer={viewer} token={token} here={here} />
          </div>
        </div>
      </main>
    </div>
  );
}

function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
      {children}
    </p>
  );
}

function InvitationAction({
  invitation,
  viewer,
  token,
  here,
}: {
  invitation: InvitationView;
  viewer: Viewer | null;
  token: string;
  here: string;
}) {
  if (invitation.state !== 'open') return <Notice>{STATE_MESSAGES[invitation.state]}</Notice>;
  const expires = (
    <p className="mt-4 text-xs text-slate-500">
      The invitation expires {formatDateTime(invitation.expiresAt)}.
    </p>
  );

  if (!viewer) {
    const next = encodeURIComponent(here);
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700">
          Sign in with <span className="font-medium">{invitation.email}</span> to accept; you will come back
          here.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href={`/sign-in?callbackUrl=${next}`} className={buttonClass.primary}>
            Sign in to accept
          </Link>
          <Link href="/sign-up" className={buttonClass.secondary}>
            Create an account
          </Link>
        </div>
        <p className="text-sm text-slate-600">
          New here? Create an account with {invitation.email}, then open this invitation link again.
        </p>
        {expires}
      </div>
    );
  }

  if (viewer.user.email !== invitation.email) {
    return (
      <div className="space-y-4">
        <Notice>
          This invitation was sent to <strong>{invitation.email}</strong>, but you are signed in as{' '}
          <strong>{viewer.user.email}</strong>. Sign out, then sign in or create an account with{' '}
          {invitation.email} and open the link again.
        </Notice>
        <SignOutButton
          className={buttonClass.secondary}
          callbackUrl={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}
        />
      </div>
    );
  }

  return (
    <CsrfProvider token={viewer.session.csrfToken}>
      <p className="mb-4 text-sm text-slate-700">
        Signed in as <span className="font-medium">{viewer.user.email}</span>.
      </p>
      <AcceptInvitationForm token={token} action={acceptInvitationAction} />
      {expires}
    </CsrfProvider>
  );
}
