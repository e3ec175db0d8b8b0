import Link from 'next/link';
import { PRODUCT_NAME } from '@/components/site/brand';
import { LogoMark } from '@/components/site/logo';
import { AdminNav } from './admin-nav';
import { SignOutButton } from './sign-out-button';

/**
 * The platform console's bar: dark, unlike the merchant dashboard, so an
 * operator always knows they are acting on every merchant, not one.
 */
export function AdminHeader({ email }: { email: string }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-10 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="bg-slate-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-6 py-3">
          <div className="flex flex-wrap items-center gap-6">
            <Link
              href="/admin/merchants"
              className="flex items-center gap-2.5 font-semibold tracking-tight text-white"
            >
              <LogoMark tone="dark" />
              <span>{PRODUCT_NAME}</span>
              <span className="rounded-full bg-indigo-500/20 px-2 py-0.5 text-xs font-medium text-indigo-200 ring-1 ring-indigo-400/40 ring-inset">
                Platform console
              </span>
            </Link>
            <AdminNav />
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-300" title="Signed in as">
              {email}
            </span>
            <Link
              href="/account/security"
              className="rounded-md px-3 py-1.5 font-medium text-slate-200 hover:bg-slate-800 hover:text-white"
            >
              Account security
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
    </>
  );
}
