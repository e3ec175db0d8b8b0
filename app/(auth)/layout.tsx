import type { ReactNode } from 'react';
import { Logo } from '@/components/site/logo';

/** Sign-in and sign-up: a centred card on the landing page's indigo wash. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-gradient-to-b from-indigo-50 to-white">
      <header className="mx-auto flex h-16 w-full max-w-6xl items-center px-6">
        <Logo />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-6 pt-8 pb-24 sm:pt-16">
        <div className="w-full max-w-md rounded-2xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
          {children}
        </div>
      </main>
    </div>
  );
}
