'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

/**
 * Ends this browser's session (next-auth's sign-out event revokes it in Redis)
 * and goes to `callbackUrl`. redirect: false, then navigate here: next-auth
 * would build its redirect from NEXTAUTH_URL, which this app does not set.
 */
export function SignOutButton({ className, callbackUrl = '/sign-in' }: { className?: string; callbackUrl?: string }) {
  const [pending, setPending] = useState(false);
  async function doSignOut() {
    setPending(true);
    await signOut({ redirect: false });
    window.location.assign(callbackUrl);
  }
  return (
    <button type="button" disabled={pending} className={className} onClick={() => void doSignOut()}>
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
