import type { ReactNode } from 'react';
import { CsrfProvider } from '@/components/auth/csrf';
import { MerchantSwitcher } from '@/components/dashboard/merchant-switcher';
import { ModeSwitch } from '@/components/dashboard/mode-switch';
import { SidebarNav, type NavSection } from '@/components/dashboard/sidebar-nav';
import { TestModeBanner } from '@/components/dashboard/test-mode-banner';
import { UserMenu } from '@/components/dashboard/user-menu';
import { WebhookAttentionBanner } from '@/components/webhooks/attention-banner';
import { Logo } from '@/components/site/logo';
import { requireMerchant } from '@/lib/auth/current';
import { can, ROLE_LABELS } from '@/lib/auth/permissions';
import { listMemberships } from '@/lib/merchants/list-memberships';
import { getMerchantProfile } from '@/lib/merchants/merchant-cache';
import { db } from '@/lib/db/client';
import { listEndpointsNeedingAttention } from '@/lib/webhooks/list-endpoints-needing-attention';
import { switchMerchantAction } from './actions';

// Only sections that exist, and only those the role may open. Later issues
// add Disputes and Analytics here when their pages land.
const HOME: NavSection = { items: [{ href: '/dashboard', label: 'Home' }] };
const PAYMENTS: NavSection = {
  items: [
    { href: '/dashboard/payments', label: 'Payments' },
    { href: '/dashboard/customers', label: 'Customers' },
  ],
};
const DEVELOPERS: NavSection = {
  heading: { href: '/dashboard/developers', label: 'Developers' },
  items: [
    { href: '/dashboard/developers/api-keys', label: 'API keys' },
    { href: '/dashboard/developers/webhooks', label: 'Webhooks' },
    { href: '/dashboard/developers/events', label: 'Events' },
    { href: '/dashboard/developers/logs', label: 'Logs' },
    { href: '/dashboard/developers/reference', label: 'API reference' },
  ],
};
const SETTINGS: NavSection = {
  heading: { href: '/dashboard/settings', label: 'Settings' },
  items: [
    { href: '/dashboard/settings/business', label: 'Business' },
    { href: '/dashboard/settings/team', label: 'Team' },
    { href: '/account/security', label: 'Security' },
  ],
};

/** The dashboard shell: every /dashboard page renders inside it. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const ctx = await requireMerchant();
  // The name from the merchant cache (dropped on every change, so a rename in
  // Settings → Business shows at once); access was decided from PostgreSQL above.
  const [memberships, profile, disabledEndpoints] = await Promise.all([
    listMemberships(ctx.user.userId),
    getMerchantProfile(ctx.merchant.id),
    // Endpoints the system disabled: a banner for those who can fix them.
    can(ctx.role, 'developers:read')
      ? listEndpointsNeedingAttention(db(), { merchantId: ctx.merchant.id, livemode: ctx.mode === 'live' })
      : [],
  ]);
  const businessName = profile?.businessName ?? ctx.merchant.businessName;
  const nav = [
    HOME,
    ...(can(ctx.role, 'payments:read') ? [PAYMENTS] : []),
    ...(can(ctx.role, 'developers:read') ? [DEVELOPERS] : []),
    SETTINGS,
  ];
  const current = { merchantId: ctx.merchant.id, businessName, roleLabel: ROLE_LABELS[ctx.role] };
  const others = memberships
    .filter((m) => m.merchantId !== ctx.merchant.id)
    .map((m) => ({ merchantId: m.merchantId, businessName: m.businessName, roleLabel: ROLE_LABELS[m.role] }));

  return (
    <CsrfProvider token={ctx.session.csrfToken}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-30 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <div className="flex min-h-dvh flex-col bg-slate-50">
        {ctx.mode === 'test' ? <TestModeBanner /> : null}
        <WebhookAttentionBanner endpoints={disabledEndpoints} />
        <div className="flex flex-1 flex-col lg:flex-row">
          <aside className="border-b border-slate-200 bg-white lg:w-64 lg:shrink-0 lg:border-r lg:border-b-0">
            <div className="flex h-16 items-center px-5">
              <Logo />
            </div>
            <div className="space-y-6 px-3 pb-6">
              <MerchantSwitcher current={current} others={others} action={switchMerchantAction} />
              <SidebarNav sections={nav} />
            </div>
          </aside>
          <div className="flex min-w-0 flex-1 flex-col">
            <header className="flex h-16 items-center justify-between gap-4 border-b border-slate-200 bg-white px-6">
              <p className="truncate text-sm font-semibold text-slate-900">{businessName}</p>
              <div className="flex items-center gap-4">
                <ModeSwitch mode={ctx.mode} />
                <UserMenu name={ctx.user.name} email={ctx.user.email} />
              </div>
            </header>
            <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-6 py-8">
              {children}
            </main>
          </div>
        </div>
      </div>
    </CsrfProvider>
  );
}
