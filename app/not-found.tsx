import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="main" className="mx-auto flex w-full max-w-6xl flex-1 flex-col justify-center px-6 py-24">
        <p className="text-sm font-semibold text-indigo-700">404</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Page not found</h1>
        <p className="mt-4 max-w-xl text-lg text-slate-700">
          There is nothing at this address. It may have moved, or the link you followed may be mistyped.
        </p>
        <div className="mt-8">
          <Link
            href="/"
            className="rounded-lg bg-indigo-600 px-5 py-3 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700"
          >
            Back to the home page
          </Link>
        </div>
      </main>
      <SiteFooter />
    </div>
  );
}
