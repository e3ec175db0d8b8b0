import Link from 'next/link';
import { PRODUCT_NAME } from './brand';

/** The wordmark; links home. The mark is decorative, the name is the accessible label. */
export function Logo() {
  return (
    <Link
      href="/"
      className="inline-flex items-center gap-2.5 rounded-md font-semibold tracking-tight text-slate-900"
    >
      <LogoMark />
      <span>{PRODUCT_NAME}</span>
    </Link>
  );
}

/** The card mark alone; `tone` lightens it for dark headers (the platform console). */
export function LogoMark({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className="size-8">
      <rect
        width="32"
        height="32"
        rx="8"
        className={tone === 'dark' ? 'fill-indigo-500' : 'fill-indigo-600'}
      />
      <rect x="7" y="10" width="18" height="12" rx="2.5" className="fill-none stroke-white" strokeWidth="2" />
      <path d="M7 14.5h18" className="stroke-white" strokeWidth="2" />
    </svg>
  );
}
