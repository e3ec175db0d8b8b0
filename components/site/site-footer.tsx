import Link from 'next/link';
import { PRODUCT_NAME } from './brand';

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-6 py-8 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between">
        <p>{PRODUCT_NAME}: Stripe-compatible payments, self-hosted.</p>
        <nav aria-label="Footer">
          <ul className="flex gap-6">
            <li>
              <Link href="/sign-in" className="hover:text-slate-900">
                Sign in
              </Link>
            </li>
            <li>
              <a href="/api/health" className="hover:text-slate-900">
                System health
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
