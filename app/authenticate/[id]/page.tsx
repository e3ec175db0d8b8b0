import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { buttonClass } from '@/components/forms/button-class';
import { getAuthenticationChallenge } from '@/lib/checkout/get-authentication-challenge';
import { formatAmount } from '@/lib/money/currencies';
import { submitChallengeAction } from './actions';

export const metadata: Metadata = {
  title: '3-D Secure authentication',
  // The URL carries the challenge's token: never index it, never send it on.
  referrer: 'no-referrer',
};

const RESULT: Record<'succeeded' | 'failed' | 'closed', { title: string; body: string }> = {
  succeeded: {
    title: 'Authentication complete',
    body: 'Your payment has been authenticated. You can close this window.',
  },
  failed: {
    title: 'Authentication failed',
    body: 'The payment was not authenticated, so it was not taken. You can try again with another card.',
  },
  closed: { title: 'This authentication is closed', body: 'There is nothing left to do here.' },
};

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The sandbox's 3-D Secure challenge (next_action.redirect_to_url.url):
 * server-rendered, two plain form buttons, no client code of its own. A wrong
 * or stale token is a 404, like an unknown payment.
 */
export default async function AuthenticatePage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const token = typeof query.token === 'string' ? query.token : '';
  const challenge = await getAuthenticationChallenge(id, token);
  if (!challenge) notFound();
  const amount = formatAmount(challenge.amount, challenge.currency);
  const retry = query.retry === '1' && challenge.state === 'pending';

  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-6 py-12">
        {!challenge.livemode && (
          <p className="mb-4 rounded-lg bg-amber-50 px-4 py-2 text-center text-sm font-medium text-amber-900 ring-1 ring-amber-200">
            Test mode
          </p>
        )}
        <section
          aria-labelledby="challenge-title"
          className="rounded-2xl bg-white p-8 shadow-sm ring-1 ring-slate-200"
        >
          <p className="text-sm font-semibold text-indigo-700">Sandbox 3-D Secure</p>
          <h1 id="challenge-title" className="mt-2 text-2xl font-bold tracking-tight text-slate-900">
            {challenge.state === 'pending' ? 'Confirm your payment' : RESULT[challenge.state].title}
          </h1>
          <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">Merchant</dt>
            <dd className="font-medium break-words text-slate-900">{challenge.merchant.name}</dd>
            <dt className="text-slate-600">Amount</dt>
            <dd className="font-medium text-slate-900">{amount}</dd>
            {challenge.last4 && (
              <>
                <dt className="text-slate-600">Card</dt>
                <dd className="font-medium text-slate-900">
                  <span className="capitalize">{challenge.brand ?? 'Card'}</span> ending in {challenge.last4}
                </dd>
              </>
            )}
          </dl>

          {challenge.state === 'pending' ? (
            <>
              <p className="mt-6 text-sm text-slate-700">
                Your bank asks you to confirm this payment. This is a sandbox: choose the result the bank
                should give.
              </p>
              {retry && (
                <p role="alert" className="mt-4 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200">
                  We could not reach your bank. Please try again.
                </p>
              )}
              <form action={submitChallengeAction} className="mt-6 flex flex-col gap-3">
                <input type="hidden" name="payment_intent" value={challenge.paymentIntentId} />
                <input type="hidden" name="token" value={token} />
                <button type="submit" name="outcome" value="succeeded" className={buttonClass.primary}>
                  Complete authentication
                </button>
                <button type="submit" name="outcome" value="failed" className={buttonClass.secondary}>
                  Fail authentication
                </button>
              </form>
            </>
          ) : (
            <div className="mt-6 text-sm text-slate-700">
              <p role="status">{RESULT[challenge.state].body}</p>
              {challenge.checkoutUrl && (
                <p className="mt-4">
                  <a href={challenge.checkoutUrl} className={buttonClass.primary}>
                    Back to checkout
                  </a>
                </p>
              )}
            </div>
          )}
        </section>
      </main>
    </div>
  );
}
