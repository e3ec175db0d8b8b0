import type { ReactNode } from 'react';
import { CsrfProvider } from '@/components/auth/csrf';
import { UserMenu } from '@/components/dashboard/user-menu';
import { Logo } from '@/components/site/logo';
import { requireViewer } from '@/lib/auth/current';

export default async function OnboardingLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  return (
    <CsrfProvider token={viewer.session.csrfToken}>
      <div className="flex min-h-dvh flex-col bg-gradient-to-b from-indigo-50 to-white">
        <header className="border-b border-slate-200 bg-white/90">
          <div className="mx-auto flex h-16 max-w-6xl items-center justify-between px-6">
            <Logo />
            <UserMenu name={viewer.user.name} email={viewer.user.email} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-6 py-10 sm:py-14">
          {children}
        </main>
      </div>
    </CsrfProvider>
  );
}
