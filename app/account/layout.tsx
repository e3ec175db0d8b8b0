import Link from 'next/link';
import type { ReactNode } from 'react';
import { CsrfProvider } from '@/components/auth/csrf';
import { SignOutButton } from '@/components/account/sign-out-button';
import { Logo } from '@/components/site/logo';
import { getMerchantContext, requireViewer } from '@/lib/auth/current';

/**
 * The signed-in layout of the person's own account pages. It does not need a
 * merchant: platform administrators and people who have not onboarded yet
 * manage their security here too, and get a link back to where they belong.
 */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const merchant = await getMerchantContext();
  const back = merchant
    ? { href: '/dashboard', label: `Back to ${merchant.merchant.businessName}` }
    : viewer.user.role === 'admin'
      ? { href: '/admin', label: 'Back to the admin console' }
      : { href: '/onboarding', label: 'Set up your business' };
  return (
    <CsrfProvider token={viewer.session.csrfToken}>
      <div className="flex min-h-dvh flex-col bg-slate-50">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-10 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex h-16 max-w-5xl items-center justify-between gap-4 px-6">
            <Logo />
            <nav aria-label="Account" className="flex items-center gap-2 text-sm font-medium">
              <Link
                href={back.href}
                className="rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100 hover:text-slate-900"
              >
                {back.label}
              </Link>
              <span className="hidden px-2 text-slate-500 sm:inline" title="Signed in as">
                {viewer.user.email}
              </span>
              <SignOutButton className="rounded-md bg-slate-900 px-3.5 py-2 text-white shadow-sm hover:bg-slate-700 disabled:opacity-60" />
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-6 py-10">
          {children}
        </main>
      </div>
    </CsrfProvider>
  );
}
