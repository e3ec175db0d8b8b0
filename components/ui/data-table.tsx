import type { ReactNode } from 'react';

/**
 * The dashboard's and console's tables: one frame, caption and header row, so
 * every list looks and reads (to screen readers) the same. Rows are the
 * caller's <tr>s; `cellClass` is the matching <td> style.
 */
export const headerCellClass =
  'px-4 py-3 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase';
export const cellClass = 'px-4 py-3 text-sm text-slate-700';

export interface DataTableColumn {
  label: string;
  /** Announced to screen readers only (e.g. an "Actions" column). */
  hidden?: boolean;
  className?: string;
}

export function DataTable({
  caption,
  columns,
  framed = true,
  children,
}: {
  caption: string;
  columns: (DataTableColumn | false | null | undefined)[];
  /** A rounded ring around the table; off when the table sits in its own card. */
  framed?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={framed ? 'overflow-x-auto rounded-xl ring-1 ring-slate-200' : 'overflow-x-auto'}>
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {columns
              .filter((c): c is DataTableColumn => !!c)
              .map((c) => (
                <th key={c.label} scope="col" className={`${headerCellClass} ${c.className ?? ''}`}>
                  {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
                </th>
              ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">{children}</tbody>
      </table>
    </div>
  );
}
