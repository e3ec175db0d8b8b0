'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { EVENTS_PATH, WEBHOOKS_PATH } from '@/components/webhooks/paths';
import { ApiError } from '@/lib/api/errors';
import type { ActionState } from '@/lib/auth/action';
import { merchantAction } from '@/lib/auth/action';
import type { MerchantContext } from '@/lib/auth/current';
import type { RequestContext } from '@/lib/auth/request-context';
import type { WebhookActor } from '@/lib/webhooks/dashboard/actor';
import { createEndpointFromDashboard } from '@/lib/webhooks/dashboard/create-endpoint';
import { deleteEndpointFromDashboard } from '@/lib/webhooks/dashboard/delete-endpoint';
import { WebhookFormError } from '@/lib/webhooks/dashboard/errors';
import {
  createEndpointSchema,
  deleteEndpointSchema,
  endpointOnlySchema,
  resendEventSchema,
  rollSecretSchema,
  sendTestEventSchema,
  setEndpointStatusSchema,
  updateEndpointSchema,
} from '@/lib/webhooks/dashboard/form-schemas';
import { resendEventFromDashboard } from '@/lib/webhooks/dashboard/resend-event';
import { revealSecretFromDashboard } from '@/lib/webhooks/dashboard/reveal-secret';
import { rollSecretFromDashboard } from '@/lib/webhooks/dashboard/roll-secret';
import { sendTestEventFromDashboard } from '@/lib/webhooks/dashboard/send-test-event';
import {
  setEndpointStatusFromDashboard,
  updateEndpointFromDashboard,
} from '@/lib/webhooks/dashboard/update-endpoint';

/**
 * Developers → Webhooks server actions: merchantAction checks session, CSRF
 * and developers:write before anything runs. The merchant and the mode are the
 * session's, never the form's; each use case audits its change.
 */
const actorOf = (ctx: MerchantContext, context: RequestContext): WebhookActor => ({
  merchantId: ctx.merchant.id,
  mode: ctx.mode,
  userId: ctx.user.userId,
  email: ctx.user.email,
  context,
});

const FIELDS = new Set(['url', 'enabled_events', 'description', 'type', 'overlap']);

/** Refusals (a URL the rules refuse, a disabled endpoint, the endpoint limit) become the form's message. */
function failure(err: unknown): ActionState {
  if (err instanceof WebhookFormError)
    return { ok: false, error: err.message, fieldErrors: { [err.field]: [err.message] } };
  if (err instanceof ApiError) {
    const field = err.options.param && FIELDS.has(err.options.param) ? err.options.param : null;
    return { ok: false, error: err.message, ...(field ? { fieldErrors: { [field]: [err.message] } } : {}) };
  }
  throw err;
}

function refresh(endpoint?: string) {
  revalidatePath(WEBHOOKS_PATH);
  if (endpoint) revalidatePath(`${WEBHOOKS_PATH}/${endpoint}`);
  revalidatePath('/dashboard', 'layout');
}

export const createEndpointAction = merchantAction(
  'developers:write',
  createEndpointSchema,
  async (input, ctx, context) => {
    let id: string;
    try {
      ({ id } = await createEndpointFromDashboard(actorOf(ctx, context), input));
    } catch (err) {
      return { ...failure(err), values: { url: input.url, description: input.description ?? '' } };
    }
    refresh();
    redirect(`${WEBHOOKS_PATH}/${id}`);
  },
);

export const updateEndpointAction = merchantAction(
  'developers:write',
  updateEndpointSchema,
  async (input, ctx, context) => {
    try {
      await updateEndpointFromDashboard(actorOf(ctx, context), input);
      refresh(input.endpoint);
      return { ok: true, message: 'Endpoint saved.' };
    } catch (err) {
      return failure(err);
    }
  },
);

export const setEndpointStatusAction = merchantAction(
  'developers:write',
  setEndpointStatusSchema,
  async (input, ctx, context) => {
    try {
      await setEndpointStatusFromDashboard(actorOf(ctx, context), input);
      refresh(input.endpoint);
      return { ok: true, message: input.status === 'enabled' ? 'Endpoint enabled.' : 'Endpoint disabled.' };
    } catch (err) {
      return failure(err);
    }
  },
);

export const deleteEndpointAction = merchantAction(
  'developers:write',
  deleteEndpointSchema,
  async (input, ctx, context) => {
    try {
      await deleteEndpointFromDashboard(actorOf(ctx, context), input.endpoint);
    } catch (err) {
      return failure(err);
    }
    refresh(input.endpoint);
    redirect(WEBHOOKS_PATH);
  },
);

export const revealSecretAction = merchantAction(
  'developers:write',
  endpointOnlySchema,
  async (input, ctx, context) => {
    try {
      const { secret, previous } = await revealSecretFromDashboard(actorOf(ctx, context), input.endpoint);
      return {
        ok: true,
        data: {
          secret,
          previous: previous
            ? { secret: previous.secret, expiresAt: previous.expiresAt.toISOString() }
            : null,
        },
      };
    } catch (err) {
      return failure(err);
    }
  },
);

export const rollSecretAction = merchantAction(
  'developers:write',
  rollSecretSchema,
  async (input, ctx, context) => {
    try {
      const { secret } = await rollSecretFromDashboard(actorOf(ctx, context), input);
      refresh(input.endpoint);
      return {
        ok: true,
        message:
          input.overlap === 'now'
            ? 'Secret rolled. The old secret stopped signing.'
            : 'Secret rolled. Both secrets sign deliveries until the overlap ends.',
        data: { secret },
      };
    } catch (err) {
      return failure(err);
    }
  },
);

export const sendTestEventAction = merchantAction(
  'developers:write',
  sendTestEventSchema,
  async (input, ctx, context) => {
    try {
      const { eventId } = await sendTestEventFromDashboard(actorOf(ctx, context), input);
      refresh(input.endpoint);
      return { ok: true, message: `Test ${input.type} event ${eventId} queued.`, data: { eventId } };
    } catch (err) {
      return failure(err);
    }
  },
);

export const resendEventAction = merchantAction(
  'developers:write',
  resendEventSchema,
  async (input, ctx, context) => {
    try {
      await resendEventFromDashboard(actorOf(ctx, context), input);
      refresh(input.endpoint);
      revalidatePath(`${EVENTS_PATH}/${input.event}`);
      return { ok: true, message: `Resending ${input.event}.` };
    } catch (err) {
      return failure(err);
    }
  },
);
