import type { Metadata } from 'next';
import Link from 'next/link';
import { MerchantStatusBadge, VerificationBadge } from '@/components/dashboard/status-badge';
import { NextSteps } from '@/components/dashboard/next-steps';
import { BalanceCard } from '@/components/dashboard/balance-card';
import { requireMerchant } from '@/lib/auth/current';
import { LiveRefresh } from '@/components/dashboard/live-refresh';
import { can, ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/lib/auth/permissions';
import { db } from '@/lib/db/client';
import { getBalance } from '@/lib/ledger/get-balance';
import { getMerchantProfile } from '@/lib/merchants/merchant-cache';
import { currencyName } from '@/lib/merchants/options';

export const metadata: Metadata = { title: 'Home' };

const card = 'rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200';

export default async function DashboardHome() {
  const ctx = await requireMerchant();
  // The business details come from the merchant cache; status and mode decisions
  // were made from PostgreSQL by requireMerchant.
  const showBalance = can(ctx.role, 'payments:read');
  const [profile, balance] = await Promise.all([
    getMerchantProfile(ctx.merchant.id),
    showBalance ? getBalance(db(), { merchantId: ctx.merchant.id, livemode: ctx.mode === 'live' }) : null,
  ]);
  const firstName = ctx.user.name?.split(' ')[0];

  return (
    <div className="space-y-8">
      <div>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">
            {firstName ? `Hello, ${firstName}` : 'Hello'}
          </h1>
          {/* The balance moves with payments, refunds and released funds. */}
          {showBalance ? (
            <LiveRefresh mode={ctx.mode} families={['payment_intent', 'charge', 'balance']} />
          ) : null}
        </div>
        <p className="mt-1 text-slate-600">
          Here&apos;s where{' '}
          <span className="font-semibold text-slate-900">
            {profile?.businessName ?? ctx.merchant.businessName}
          </span>{' '}
          stands.
        </p>
      </div>

      {balance ? <BalanceCard balance={balance} className={card} /> : null}

      <section aria-labelledby="account-status" className={card}>
        <h2 id="account-status" className="text-base font-semibold text-slate-900">
          Account status
        </h2>
        <dl className="mt-4 grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-600">Account</dt>
            <dd className="mt-1">
              <MerchantStatusBadge status={ctx.merchant.status} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Verification</dt>
            <dd className="mt-1">
              <VerificationBadge status={ctx.merchant.verificationStatus} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Mode</dt>
            <dd className="mt-1 text-sm font-semibold text-slate-900">
              {ctx.mode === 'live' ? 'Live mode' : 'Test mode'}
            </dd>
          </div>
        </dl>
        <div className="mt-5 border-t border-slate-100 pt-4 text-sm text-slate-700">
          <h3 className="sr-only">Next steps</h3>
          <NextSteps
            status={ctx.merchant.status}
            verificationStatus={ctx.merchant.verificationStatus}
            verificationNotes={profile?.verificationNotes ?? null}
            canEditBusiness={can(ctx.role, 'business:write')}
          />
        </div>
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="mode-heading" className={card}>
          <h2 id="mode-heading" className="text-base font-semibold text-slate-900">
            {ctx.mode === 'live' ? 'You are in live mode' : 'You are in test mode'}
          </h2>
          <p className="mt-2 text-sm text-slate-700">
            {ctx.mode === 'live'
              ? 'Payments are real and move money. Switch to test mode to try things out safely.'
              : ctx.liveModeAvailable
                ? 'Test data only. Turn off test mode at the top of the page to work with live data.'
                : 'Test data only. Live mode opens once your business is active and verified.'}
          </p>
          {profile ? (
            <p className="mt-4 text-sm text-slate-600">
              Preferred currency:{' '}
              <span className="font-medium text-slate-900">{`${profile.currency} — ${currencyName(profile.currency)}`}</span>
            </p>
          ) : null}
        </section>
        <section aria-labelledby="role-heading" className={card}>
          <h2 id="role-heading" className="text-base font-semibold text-slate-900">
            Your role: {ROLE_LABELS[ctx.role]}
          </h2>
          <p className="mt-2 text-sm text-slate-700">{ROLE_DESCRIPTIONS[ctx.role]}</p>
          <p className="mt-4 text-sm">
            <Link href="/dashboard/settings" className="font-semibold text-indigo-700 hover:text-indigo-600">
              Go to settings →
            </Link>
          </p>
        </section>
      </div>
    </div>
  );
}
