'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction } from '@/lib/admin/admin-action';
import {
  MerchantNotFoundError,
  StatusChangeRefusedError,
  changeMerchantStatus,
} from '@/lib/admin/change-merchant-status';
import { STATUS_ACTIONS, STATUS_LABELS } from '@/lib/admin/merchant-status';

const schema = z.strictObject({
  merchant_id: z.uuid('Unknown merchant.'),
  action: z.enum(STATUS_ACTIONS, 'Choose an action.'),
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters.').optional(),
  confirmation: z.string().max(200).optional(),
});

/** Approve, suspend, reactivate or close a merchant (lib/admin/change-merchant-status.ts). */
export const changeMerchantStatusAction = adminAction(schema, async (input, viewer, context) => {
  try {
    const result = await changeMerchantStatus(
      {
        merchantId: input.merchant_id,
        action: input.action,
        reason: input.reason,
        confirmation: input.confirmation,
      },
      { userId: viewer.user.userId, email: viewer.user.email },
      context,
    );
    revalidatePath(`/admin/merchants/${input.merchant_id}`);
    return { ok: true, message: `${result.businessName} is now ${STATUS_LABELS[result.to].toLowerCase()}.` };
  } catch (err) {
    if (err instanceof MerchantNotFoundError) return { ok: false, error: 'This merchant does not exist.' };
    if (err instanceof StatusChangeRefusedError) {
      revalidatePath(`/admin/merchants/${input.merchant_id}`);
      const field = { reason_required: 'reason', confirmation_mismatch: 'confirmation' }[err.code as string];
      return { ok: false, error: err.message, fieldErrors: field ? { [field]: [err.message] } : undefined };
    }
    throw err;
  }
});
