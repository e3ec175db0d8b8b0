'use server';

import { revalidatePath } from 'next/cache';
import { merchantAction } from '@/lib/auth/action';
import { brandingSchema } from '@/lib/merchants/branding-schema';
import { businessDetailsSchema } from '@/lib/merchants/business-schema';
import { MerchantEmailTakenError } from '@/lib/merchants/errors';
import { updateBranding } from '@/lib/merchants/update-branding';
import { updateBusinessDetails } from '@/lib/merchants/update-business-details';

const VERIFICATION_MESSAGE = {
  verified: 'Business details saved. Your business is verified.',
  pending: 'Business details saved. They are now being reviewed by our team.',
  failed: 'Business details saved, but verification failed',
} as const;

/** Settings → Business. Owners and administrators only (business:write). */
export const updateBusinessAction = merchantAction(
  'business:write',
  businessDetailsSchema,
  async (input, ctx, context) => {
    let result;
    try {
      result = await updateBusinessDetails(
        ctx.merchant.id,
        input,
        { userId: ctx.user.userId, email: ctx.user.email },
        context,
      );
    } catch (err) {
      if (!(err instanceof MerchantEmailTakenError)) throw err;
      return {
        ok: false,
        error: 'Please correct the highlighted fields.',
        fieldErrors: { email: ['Another business already uses this email address.'] },
      };
    }
    if (!result.changed.length) return { ok: true, message: 'Nothing changed.' };
    // The shell shows the business name and status: re-render it too.
    revalidatePath('/dashboard', 'layout');
    const v = result.verification;
    if (!v) return { ok: true, message: 'Business details saved.' };
    if (v.verificationStatus === 'failed')
      return { ok: true, message: `${VERIFICATION_MESSAGE.failed}: ${v.notes ?? 'no reason given'}.` };
    return { ok: true, message: VERIFICATION_MESSAGE[v.verificationStatus] };
  },
);

/** Settings → Business → Branding (business:write): the hosted checkout's colour and logo. */
export const updateBrandingAction = merchantAction(
  'business:write',
  brandingSchema,
  async (input, ctx, context) => {
    const { changed } = await updateBranding(
      ctx.merchant.id,
      input,
      { userId: ctx.user.userId, email: ctx.user.email },
      context,
    );
    return {
      ok: true,
      message: changed.length
        ? 'Branding saved. Your checkout pages use it from now on.'
        : 'Nothing changed.',
    };
  },
);
