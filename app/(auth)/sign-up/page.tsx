import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { redirectSignedIn } from '../redirect-signed-in';
import { signUpAction } from './actions';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage() {
  await redirectSignedIn();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Create your account</h1>
      <p className="mt-2 text-sm text-slate-600">
        Already have an account?{' '}
        <Link href="/sign-in" className="font-semibold text-indigo-700 hover:text-indigo-600">
          Sign in
        </Link>
      </p>
      <SignUpForm action={signUpAction} />
    </>
  );
}
