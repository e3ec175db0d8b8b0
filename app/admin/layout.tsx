import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AdminHeader } from '@/components/admin/admin-header';
import { CsrfProvider } from '@/components/auth/csrf';
import { requirePlatformAdmin } from '@/lib/auth/current';

export const metadata: Metadata = { title: 'Platform console' };

/**
 * Platform operators only (users.role = admin, two-factor on). Every page and
 * every action below checks again: a layout is not re-rendered on client-side
 * navigation between its pages, so it cannot be the only gate.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePlatformAdmin();
  return (
    <CsrfProvider token={viewer.session.csrfToken}>
      <div className="flex min-h-dvh flex-col bg-slate-50">
        <AdminHeader email={viewer.user.email} />
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-6 py-8">
          {children}
        </main>
      </div>
    </CsrfProvider>
  );
}
