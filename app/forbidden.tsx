import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'No access' };

/** Shown (with HTTP 403) when a signed-in person's role does not allow a page. */
export default function Forbidden() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh w-full max-w-3xl flex-col justify-center px-6 py-24">
      <p className="text-sm font-semibold text-indigo-700">403</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">You don&apos;t have access to this page</h1>
      <p className="mt-4 text-lg text-slate-700">
        Your role on this account does not include it. An owner or administrator of the account can change your role.
      </p>
      <div className="mt-8">
        <Link href="/dashboard" className="rounded-lg bg-indigo-600 px-5 py-3 text-sm font-semibold text-white hover:bg-indigo-700">
          Back to the dashboard
        </Link>
      </div>
    </main>
  );
}
