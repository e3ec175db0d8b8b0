'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const ITEMS = [
  { href: '/admin/merchants', label: 'Merchants' },
  { href: '/admin/audit', label: 'Audit log' },
] as const;

export function AdminNav() {
  // null only under the Pages Router (the hosted checkout, which renders no nav).
  const pathname = usePathname() ?? '';
  return (
    <nav aria-label="Platform console" className="flex items-center gap-1 text-sm font-medium">
      {ITEMS.map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className={
              current
                ? 'rounded-md bg-slate-800 px-3 py-2 text-white'
                : 'rounded-md px-3 py-2 text-slate-300 hover:bg-slate-800 hover:text-white'
            }
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
