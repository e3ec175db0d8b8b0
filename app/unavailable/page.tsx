import type { Metadata } from 'next';
import Link from 'next/link';
import { Logo } from '@/components/site/logo';

export const metadata: Metadata = { title: 'Temporarily unavailable' };

/**
 * Where signed-in pages send people when the session store (Redis) cannot be
 * reached. It reads nothing itself, so it always renders.
 */
export default function UnavailablePage() {
  return (
    <div className="flex min-h-dvh flex-col bg-gradient-to-b from-indigo-50 to-white">
      <header className="mx-auto flex h-16 w-full max-w-6xl items-center px-6">
        <Logo />
      </header>
      <main id="main" className="mx-auto flex w-full max-w-3xl flex-1 flex-col justify-center px-6 pb-24">
        <p className="text-sm font-semibold text-indigo-700">Service notice</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">
          Sign-in is temporarily unavailable
        </h1>
        <p className="mt-4 text-lg text-slate-700">
          We can&apos;t reach the service that keeps dashboard sessions right now. Your data is safe. Please
          try again in a few minutes.
        </p>
        <div className="mt-8 flex gap-4">
          <Link
            href="/sign-in"
            className="rounded-lg bg-indigo-600 px-5 py-3 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700"
          >
            Try again
          </Link>
          <a
            href="/api/health"
            className="rounded-lg bg-white px-5 py-3 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Check system health
          </a>
        </div>
      </main>
    </div>
  );
}
