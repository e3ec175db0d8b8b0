'use server';

import { revalidatePath } from 'next/cache';
import type { ApiKeyActor } from '@/lib/api-keys/actor';
import {
  createApiKey,
  createApiKeySchema,
  ExpiryInPastError,
  formToCreateInput,
} from '@/lib/api-keys/create-api-key';
import { apiKeyErrorMessage } from '@/lib/api-keys/errors';
import { revokeApiKey, revokeApiKeySchema } from '@/lib/api-keys/revoke-api-key';
import { rollApiKey, rollApiKeySchema } from '@/lib/api-keys/roll-api-key';
import type { ActionState } from '@/lib/auth/action';
import { merchantAction } from '@/lib/auth/action';
import type { MerchantContext } from '@/lib/auth/current';
import type { RequestContext } from '@/lib/auth/request-context';

/**
 * API key server actions: merchantAction checks session, CSRF and
 * developers:write first. The merchant and the mode are the session's, never
 * the form's. The new key travels back once, in the action's response.
 */
const PAGE = '/dashboard/developers/api-keys';

const actorOf = (ctx: MerchantContext, context: RequestContext): ApiKeyActor => ({
  merchantId: ctx.merchant.id,
  userId: ctx.user.userId,
  email: ctx.user.email,
  context,
});

function failure(err: unknown): ActionState {
  if (err instanceof ExpiryInPastError)
    return { ok: false, error: err.message, fieldErrors: { expires_on: [err.message] } };
  const message = apiKeyErrorMessage(err);
  if (message) return { ok: false, error: message };
  throw err;
}

export const createApiKeyAction = merchantAction(
  'developers:write',
  createApiKeySchema,
  async (input, ctx, context) => {
    try {
      const { key, apiKey } = await createApiKey(actorOf(ctx, context), formToCreateInput(input, ctx.mode));
      revalidatePath(PAGE);
      return { ok: true, message: `Created “${apiKey.name}”.`, data: { key, name: apiKey.name } };
    } catch (err) {
      return failure(err);
    }
  },
);

export const rollApiKeyAction = merchantAction(
  'developers:write',
  rollApiKeySchema,
  async (input, ctx, context) => {
    try {
      const { key, apiKey } = await rollApiKey(actorOf(ctx, context), input.keyId, input.expires_in);
      revalidatePath(PAGE);
      return {
        ok: true,
        message: `Rolled “${apiKey.name ?? apiKey.prefix}”.`,
        data: { key, name: apiKey.name },
      };
    } catch (err) {
      return failure(err);
    }
  },
);

export const revokeApiKeyAction = merchantAction(
  'developers:write',
  revokeApiKeySchema,
  async (input, ctx, context) => {
    try {
      const { prefix } = await revokeApiKey(actorOf(ctx, context), input.keyId);
      revalidatePath(PAGE);
      return { ok: true, message: `Revoked ${prefix}…` };
    } catch (err) {
      return failure(err);
    }
  },
);
