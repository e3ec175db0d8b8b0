'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavItem {
  href: string;
  label: string;
}

export interface NavSection {
  /** A section heading, itself a link (e.g. Settings → its index page). */
  heading?: NavItem;
  items: NavItem[];
}

function isCurrent(pathname: string, href: string): boolean {
  // Home is current only on itself; other items also for the pages beneath them.
  return href === '/dashboard' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

/** The dashboard's sections. Only what exists is listed: later issues add theirs here. */
export function SidebarNav({ sections }: { sections: NavSection[] }) {
  // null only under the Pages Router (the hosted checkout, which renders no nav).
  const pathname = usePathname() ?? '';
  // A section heading is current only on its own page; its items cover the pages beneath.
  const link = (item: NavItem, nested: boolean, heading = false) => {
    const current = heading ? pathname === item.href : isCurrent(pathname, item.href);
    return (
      <Link
        href={item.href}
        aria-current={current ? 'page' : undefined}
        className={`block rounded-md px-3 py-2 text-sm font-medium ${nested ? 'pl-6' : ''} ${
          current ? 'bg-indigo-50 text-indigo-700' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900'
        }`}
      >
        {item.label}
      </Link>
    );
  };
  return (
    <nav aria-label="Dashboard" className="space-y-4">
      {sections.map((section, i) => (
        <div key={section.heading?.href ?? i}>
          {section.heading ? link(section.heading, false, true) : null}
          <ul className="space-y-0.5">
            {section.items.map((item) => (
              <li key={item.href}>{link(item, !!section.heading)}</li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
