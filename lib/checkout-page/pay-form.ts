import { z } from 'zod';
import { payCheckoutSession } from '@/lib/checkout';
import { onlyDigits, parseExpiry, validateCardForm } from '@/lib/checkout-page/card-fields';
import { safeRedirectUrl } from '@/lib/checkout-page/branding';
import { sameOriginPath, waitText, type PayResult } from '@/lib/checkout-page/pay-result';
import { clock } from '@/lib/clock';
import { appUrl } from '@/lib/env';
import { log } from '@/lib/log';

/**
 * Pay on the hosted checkout page: what the pay endpoint
 * (app/checkout/[id]/pay/route.ts) does with the card form's JSON body once it
 * has refused cross-site requests. This file never logs, echoes or stores the
 * card: the form's values are checked with the same rules the browser used
 * (lib/checkout-page/card-fields.ts), then handed to the pay use case
 * (lib/checkout), which vaults the card and owns locking, the one
 * PaymentIntent per session and the rate limits. No sign-in: a customer pays
 * with the session id as the only handle.
 */
const sessionIdSchema = z.string().regex(/^cs_[A-Za-z0-9_]{1,200}$/);

const formSchema = z.strictObject({
  email: z.string().max(320),
  number: z.string().max(40),
  expiry: z.string().max(16),
  cvc: z.string().max(8),
  name: z.string().max(300),
  country: z.string().max(2),
  postalCode: z.string().max(20),
});

const FAILED =
  'Something went wrong on our side and your payment was not completed. Please try again in a moment.';

export async function payFromForm(
  sessionId: string,
  values: unknown,
  clientIp: string | null,
): Promise<PayResult> {
  const id = sessionIdSchema.safeParse(sessionId);
  const form = formSchema.safeParse(values);
  if (!id.success) return { kind: 'error', message: 'This checkout page does not exist.' };
  if (!form.success) return { kind: 'error', message: 'Please check the form and try again.' };
  const input = form.data;
  const errors = validateCardForm(input, clock.now());
  const expiry = parseExpiry(input.expiry);
  if (Object.keys(errors).length || !expiry) return { kind: 'invalid', errors };

  let outcome;
  try {
    outcome = await payCheckoutSession({
      sessionId: id.data,
      email: input.email.trim(),
      card: {
        number: onlyDigits(input.number),
        expMonth: expiry.month,
        expYear: expiry.year,
        cvc: input.cvc.trim(),
      },
      billing: { name: input.name.trim(), country: input.country, postalCode: input.postalCode.trim() },
      clientIp,
    });
  } catch (err) {
    // The error's name only: a message could quote what it was given.
    log.error('checkout.pay_failed', {
      session: id.data,
      error: err instanceof Error ? err.name : typeof err,
    });
    return { kind: 'error', message: FAILED };
  }

  const page = `/checkout/${id.data}`;
  switch (outcome.kind) {
    case 'succeeded':
    case 'complete':
      // The page itself shows the receipt if the merchant's URL is unusable.
      return { kind: outcome.kind, redirectUrl: safeRedirectUrl(outcome.redirectUrl) ?? page };
    case 'declined':
      return { kind: 'declined', message: outcome.message || 'Your card was declined.' };
    case 'requires_action': {
      const challengeUrl = sameOriginPath(outcome.challengeUrl, appUrl());
      return challengeUrl ? { kind: 'requires_action', challengeUrl } : { kind: 'error', message: FAILED };
    }
    case 'invalid':
      return { kind: 'invalid', errors: outcome.errors };
    case 'expired':
      return { kind: 'expired' };
    case 'rate_limited':
      return {
        kind: 'rate_limited',
        message: `Too many payment attempts. Please wait ${waitText(outcome.retryAfterSeconds)} and try again.`,
      };
  }
}
