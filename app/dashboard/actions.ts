'use server';

import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { userAction } from '@/lib/auth/action';
import { MerchantNotFoundError } from '@/lib/merchants/errors';
import { switchMerchant } from '@/lib/merchants/switch-merchant';

/** The merchant switcher: only businesses the user belongs to; anything else is "not found". */
export const switchMerchantAction = userAction(
  z.strictObject({ merchant_id: z.uuid('Choose a business.') }),
  async (input, viewer) => {
    try {
      await switchMerchant(viewer.session.id, viewer.user.userId, input.merchant_id);
    } catch (err) {
      if (err instanceof MerchantNotFoundError) notFound();
      throw err;
    }
    redirect('/dashboard');
  },
);
