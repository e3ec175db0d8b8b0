import Link from 'next/link';
import { Logo } from './logo';

/** Pages using this header must give their <main> the id "main", the skip link's target. */
export function SiteHeader() {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-10 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-6">
          <Logo />
          <nav aria-label="Main" className="flex items-center gap-2 text-sm font-medium">
            {/* A plain link: /api/health is a JSON route handler, not a page to client-navigate to. */}
            <a
              href="/api/health"
              className="hidden rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100 hover:text-slate-900 sm:inline-block"
            >
              System health
            </a>
            <Link
              href="/sign-in"
              className="rounded-md bg-slate-900 px-3.5 py-2 text-white shadow-sm hover:bg-slate-700"
            >
              Sign in
            </Link>
          </nav>
        </div>
      </header>
    </>
  );
}
