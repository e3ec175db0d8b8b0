import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { formatAgo, formatDateTime } from '@/components/account/format';
import { Badge, Section } from '@/components/account/section';
import { SessionsList } from '@/components/account/sessions-list';
import { PendingTwoFactor, StartTwoFactor } from '@/components/account/two-factor-setup';
import { DisableTwoFactor, RegenerateRecoveryCodes } from '@/components/account/two-factor-enabled';
import { PRODUCT_NAME } from '@/components/site/brand';
import { getSecurityOverview } from '@/lib/account/get-security-overview';
import { requireViewer } from '@/lib/auth/current';
import { PASSWORD_MIN } from '@/lib/auth/password-policy';
import { clock } from '@/lib/clock';
import {
  cancelTotpAction,
  changePasswordAction,
  confirmTotpAction,
  disableTotpAction,
  regenerateRecoveryCodesAction,
  revokeOtherSessionsAction,
  revokeSessionAction,
  startTotpAction,
} from './actions';

export const metadata: Metadata = { title: 'Account security' };

export default async function SecurityPage({
  searchParams,
}: {
  searchParams: Promise<{ required?: string | string[] }>;
}) {
  const viewer = await requireViewer();
  const { required } = await searchParams;
  const overview = await getSecurityOverview(
    { userId: viewer.user.userId, sessionId: viewer.session.id },
    PRODUCT_NAME,
  );
  const twoFactor = overview.twoFactor;
  const now = clock.now();
  const mustEnable = twoFactor.state !== 'on' && (required === 'two-factor' || overview.isPlatformAdmin);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Account security</h1>
        <p className="mt-1 text-slate-600">
          Signed in as <span className="font-medium text-slate-900">{overview.email}</span>. Changes here
          apply to your own sign-in on every account you belong to.
        </p>
      </div>

      {mustEnable ? (
        <div role="alert" className="rounded-xl bg-amber-50 p-5 text-amber-900 ring-1 ring-amber-200">
          <p className="font-semibold">Two-factor authentication is required</p>
          <p className="mt-1 text-sm">
            Platform administrators must turn on two-factor authentication before they can open the admin
            console. Set up an authenticator app below, then return to the console.
          </p>
        </div>
      ) : null}

      <Section
        id="password"
        title="Password"
        description={`Last changed ${formatDateTime(overview.passwordChangedAt)}.`}
      >
        <p className="mb-5 max-w-2xl text-sm text-slate-600">
          Changing your password signs you out everywhere else. This browser stays signed in.
        </p>
        <ChangePasswordForm action={changePasswordAction} minLength={PASSWORD_MIN} />
      </Section>

      <Section
        id="two-factor"
        title="Two-factor authentication"
        description="Ask for a code from an authenticator app (such as 1Password, Google Authenticator or Authy) every time you sign in."
        aside={
          twoFactor.state === 'on' ? (
            <Badge tone="green">On</Badge>
          ) : twoFactor.state === 'pending' ? (
            <Badge tone="amber">Setup in progress</Badge>
          ) : (
            <Badge tone="slate">Off</Badge>
          )
        }
      >
        {twoFactor.state === 'off' ? <StartTwoFactor action={startTotpAction} /> : null}
        {twoFactor.state === 'pending' ? (
          <PendingTwoFactor
            secret={twoFactor.secret}
            qrDataUrl={twoFactor.qrDataUrl}
            confirmAction={confirmTotpAction}
            cancelAction={cancelTotpAction}
          />
        ) : null}
        {twoFactor.state === 'on' ? (
          <div className="space-y-8">
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-600">Turned on</dt>
                <dd className="mt-0.5 font-medium text-slate-900">{formatDateTime(twoFactor.enabledAt)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Unused recovery codes</dt>
                <dd className="mt-0.5 font-medium text-slate-900">
                  {twoFactor.recoveryCodesLeft} of 10
                  {twoFactor.recoveryCodesLeft <= 3 ? (
                    <span className="ml-2 text-amber-800">Consider making new ones.</span>
                  ) : null}
                </dd>
              </div>
            </dl>
            <div className="grid gap-10 border-t border-slate-100 pt-6 lg:grid-cols-2">
              <RegenerateRecoveryCodes action={regenerateRecoveryCodesAction} />
              {overview.isPlatformAdmin ? (
                <div className="max-w-sm">
                  <h3 className="text-base font-semibold text-slate-900">Turn off two-factor</h3>
                  <p className="mt-2 text-sm text-slate-600">
                    Platform administrators must keep two-factor authentication on, so it cannot be turned off
                    from this account. Keep your recovery codes safe in case you lose your phone.
                  </p>
                </div>
              ) : (
                <DisableTwoFactor action={disableTotpAction} />
              )}
            </div>
          </div>
        ) : null}
      </Section>

      <Section
        id="sessions"
        title="Active sessions"
        description="Browsers signed in to your account. Revoke any you do not recognise: that browser is signed out on its next request."
      >
        <SessionsList
          sessions={overview.sessions.map((s) => ({
            publicId: s.publicId,
            current: s.current,
            device: s.device,
            ip: s.ip,
            created: formatDateTime(s.createdAt),
            lastSeen: s.current ? 'Now' : formatAgo(s.lastSeenAt, now),
          }))}
          revokeAction={revokeSessionAction}
          revokeOthersAction={revokeOtherSessionsAction}
        />
      </Section>
    </div>
  );
}
