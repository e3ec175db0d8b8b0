import type { ReactNode } from 'react';

/** A titled card on the account pages: heading, a line of context, the content. */
export function Section({
  id,
  title,
  description,
  aside,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8"
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-2xl">
          <h2 id={`${id}-heading`} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
        </div>
        {aside}
      </div>
      <div className="mt-6">{children}</div>
    </section>
  );
}

export function Badge({
  tone,
  children,
}: {
  tone: 'green' | 'slate' | 'amber' | 'indigo' | 'red';
  children: ReactNode;
}) {
  const tones = {
    green: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
    slate: 'bg-slate-100 text-slate-700 ring-slate-500/20',
    amber: 'bg-amber-50 text-amber-800 ring-amber-600/20',
    indigo: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20',
    red: 'bg-red-50 text-red-800 ring-red-600/20',
  };
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

