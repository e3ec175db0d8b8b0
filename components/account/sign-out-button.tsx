'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

/** Ends this browser's session (next-auth revokes it in Redis too) and returns to sign-in. */
export function SignOutButton({
  className,
  callbackUrl = '/sign-in',
}: {
  className?: string;
  callbackUrl?: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className={className}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl });
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
