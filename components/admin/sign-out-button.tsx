'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

/**
 * next-auth's sign-out (its own CSRF token; its signOut event revokes the Redis
 * session). redirect: false, then navigate here: next-auth would build the
 * redirect from NEXTAUTH_URL, which this app does not set.
 */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  async function doSignOut() {
    setPending(true);
    await signOut({ callbackUrl: '/sign-in', redirect: false });
    window.location.assign('/sign-in');
  }
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => void doSignOut()}
      className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-200 ring-1 ring-slate-600 hover:bg-slate-800 hover:text-white disabled:opacity-60"
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
