'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/auth/action';
import { updateSession } from '@/lib/auth/sessions';
import {
  addressStepSchema,
  businessDetailsSchema,
  businessStepSchema,
  contactStepSchema,
} from '@/lib/merchants/business-schema';
import { createMerchant } from '@/lib/merchants/create-merchant';
import { MerchantEmailTakenError } from '@/lib/merchants/errors';

/**
 * The onboarding wizard's server side. Each step is validated here before the
 * next one shows (the browser's checks are a convenience, not the rule); the
 * final submit validates everything again and creates the merchant.
 */
const valid = () => Promise.resolve({ ok: true });

export const validateBusinessStep = userAction(businessStepSchema, valid);
export const validateContactStep = userAction(contactStepSchema, valid);
export const validateAddressStep = userAction(addressStepSchema, valid);

export const createMerchantAction = userAction(businessDetailsSchema, async (input, viewer, context) => {
  let merchantId: string;
  try {
    ({ merchantId } = await createMerchant(
      input,
      { userId: viewer.user.userId, email: viewer.user.email },
      context,
    ));
  } catch (err) {
    if (!(err instanceof MerchantEmailTakenError)) throw err;
    return {
      ok: false,
      error: 'Please correct the highlighted fields.',
      fieldErrors: { email: ['Another business already uses this email address. Use a different one.'] },
    };
  }
  // The dashboard shows the new business, in test mode.
  await updateSession(viewer.session.id, { merchantId, mode: 'test' });
  redirect('/dashboard');
});
