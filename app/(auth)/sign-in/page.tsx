import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/components/auth/sign-in-form';
import { signInErrorMessage } from '@/lib/auth/errors';
import { redirectSignedIn } from '../redirect-signed-in';

export const metadata: Metadata = { title: 'Sign in' };

// Only same-site paths: an absolute callbackUrl would make this an open redirect.
function safeCallback(value: string | string[] | undefined): string {
  const v = typeof value === 'string' ? value : '';
  return v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') ? v : '/dashboard';
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await redirectSignedIn();
  const params = await searchParams;
  const error = typeof params.error === 'string' ? signInErrorMessage(params.error) : null;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Sign in to your account</h1>
      <p className="mt-2 text-sm text-slate-600">
        New here?{' '}
        <Link href="/sign-up" className="font-semibold text-indigo-700 hover:text-indigo-600">
          Create an account
        </Link>
      </p>
      <SignInForm callbackUrl={safeCallback(params.callbackUrl)} initialError={error} />
    </>
  );
}
