import Link from 'next/link';
import type { ReactNode } from 'react';

const link =
  'rounded-lg bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50';
const disabled =
  'rounded-lg px-3 py-1.5 text-sm font-semibold text-slate-400 ring-1 ring-slate-200 ring-inset';

/** Previous / next links for a list page; a missing href renders the control disabled. */
export function Pagination({
  label,
  summary,
  previous,
  next,
}: {
  label: string;
  summary: ReactNode;
  previous: { href?: string; label: string };
  next: { href?: string; label: string };
}) {
  return (
    <nav
      aria-label={label}
      className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3"
    >
      <p className="text-sm text-slate-600">{summary}</p>
      <div className="flex gap-2">
        {previous.href ? (
          <Link href={previous.href} className={link} rel="prev">
            {previous.label}
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            {previous.label}
          </span>
        )}
        {next.href ? (
          <Link href={next.href} className={link} rel="next">
            {next.label}
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            {next.label}
          </span>
        )}
      </div>
    </nav>
  );
}
