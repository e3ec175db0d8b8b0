'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { submitAuthenticationChallenge } from '@/lib/checkout/submit-authentication-challenge';

const challengeForm = z.strictObject({
  payment_intent: z.string().max(64),
  token: z.string().max(128),
  outcome: z.enum(['succeeded', 'failed']),
});

/**
 * The challenge page's two buttons. No sign-in: the token in the form (the
 * one from the page's URL) is what allows acting on this one challenge;
 * Next.js's Origin check on server actions keeps other sites from posting it.
 */
export async function submitChallengeAction(formData: FormData): Promise<void> {
  const parsed = challengeForm.safeParse({
    payment_intent: formData.get('payment_intent'),
    token: formData.get('token'),
    outcome: formData.get('outcome'),
  });
  if (!parsed.success) redirect('/authenticate/invalid');
  const { payment_intent: paymentIntentId, token, outcome } = parsed.data;
  const answer = await submitAuthenticationChallenge({ paymentIntentId, token, outcome });
  if (!answer) redirect(`/authenticate/${encodeURIComponent(paymentIntentId)}`);
  if (answer.redirectUrl) redirect(answer.redirectUrl);
  // Nowhere to return to (or the bank could not be reached): the page shows the result.
  const query = new URLSearchParams({ token, ...(answer.result === 'error' ? { retry: '1' } : {}) });
  redirect(`/authenticate/${encodeURIComponent(paymentIntentId)}?${query.toString()}`);
}
