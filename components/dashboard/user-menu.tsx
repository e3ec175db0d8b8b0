'use client';

import { signOut } from 'next-auth/react';
import Link from 'next/link';
import { useId, useRef, useState } from 'react';
import { useDismiss } from './use-dismiss';

/**
 * The signed-in person's menu: who they are, account security, sign out.
 * A disclosure (button + panel), closed by Escape or a click outside.
 */
export function UserMenu({ name, email }: { name: string | null; email: string }) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useDismiss(open, () => setOpen(false), root);

  async function doSignOut() {
    setSigningOut(true);
    // redirect: false, then navigate here: next-auth would build the redirect
    // from NEXTAUTH_URL, which this app does not set. The sign-out event revokes
    // the Redis session (lib/auth/next-auth.ts).
    await signOut({ callbackUrl: '/sign-in', redirect: false });
    window.location.assign('/sign-in');
  }

  const display = name || email;
  const initials = display
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-full py-1 pr-3 pl-1 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        <span
          aria-hidden="true"
          className="grid size-8 place-items-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700"
        >
          {initials}
        </span>
        <span className="hidden max-w-40 truncate sm:inline">{display}</span>
        <span className="sr-only">Open account menu</span>
      </button>
      {open ? (
        <div
          id={panelId}
          className="absolute right-0 z-20 mt-2 w-64 rounded-xl bg-white p-2 shadow-lg ring-1 ring-slate-200"
        >
          <div className="border-b border-slate-100 px-3 py-2">
            {name ? <p className="truncate text-sm font-semibold text-slate-900">{name}</p> : null}
            <p className="truncate text-sm text-slate-600">{email}</p>
          </div>
          <ul className="py-1">
            <li>
              <Link
                href="/account/security"
                className="block rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900"
              >
                Account security
              </Link>
            </li>
            <li>
              <button
                type="button"
                onClick={() => void doSignOut()}
                disabled={signingOut}
                className="block w-full rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-60"
              >
                {signingOut ? 'Signing out…' : 'Sign out'}
              </button>
            </li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}
