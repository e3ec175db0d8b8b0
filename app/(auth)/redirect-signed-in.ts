import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth/current';
import { SessionStoreUnavailableError } from '@/lib/auth/sessions';

/**
 * Sign-in and sign-up are for signed-out people: a signed-in one goes to the
 * dashboard. If the session store is down nobody can sign in, so say so.
 */
export async function redirectSignedIn(): Promise<void> {
  let signedIn: boolean;
  try {
    signedIn = !!(await getViewer());
  } catch (err) {
    if (err instanceof SessionStoreUnavailableError) redirect('/unavailable');
    throw err;
  }
  if (signedIn) redirect('/dashboard');
}
