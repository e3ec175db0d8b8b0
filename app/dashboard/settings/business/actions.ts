'use server';

import { revalidatePath } from 'next/cache';
import { merchantAction } from '@/lib/auth/action';
import { businessDetailsSchema } from '@/lib/merchants/business-schema';
import { MerchantEmailTakenError } from '@/lib/merchants/errors';
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
