import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { fromPublicId, toPublicId } from '@/lib/api/object-id';
import { db } from '@/lib/db/client';
import { listEventsForDashboard } from '@/lib/events/list-events-for-dashboard';
import type { WebhookActor } from '@/lib/webhooks/dashboard/actor';
import { createEndpointFromDashboard } from '@/lib/webhooks/dashboard/create-endpoint';
import { deleteEndpointFromDashboard } from '@/lib/webhooks/dashboard/delete-endpoint';
import { createEndpointSchema, rollSecretSchema } from '@/lib/webhooks/dashboard/form-schemas';
import { getEndpointForDashboard } from '@/lib/webhooks/dashboard/get-endpoint';
import { getEventForDashboard } from '@/lib/webhooks/dashboard/get-event';
import { listEndpointsForDashboard } from '@/lib/webhooks/dashboard/list-endpoints';
import { resendEventFromDashboard } from '@/lib/webhooks/dashboard/resend-event';
import { revealSecretFromDashboard } from '@/lib/webhooks/dashboard/reveal-secret';
import { rollSecretFromDashboard } from '@/lib/webhooks/dashboard/roll-secret';
import { sendTestEventFromDashboard } from '@/lib/webhooks/dashboard/send-test-event';
import {
  setEndpointStatusFromDashboard,
  updateEndpointFromDashboard,
} from '@/lib/webhooks/dashboard/update-endpoint';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { insertWebhookAttempt, insertWebhookDelivery, query } from '@/tests/helpers/fixtures';
import { actorForNewMerchant, merchantWithKey } from '../api/helpers';

/**
 * Developers → Webhooks and Events use cases on real PostgreSQL: each change
 * runs the webhooks core's use case in one transaction with its audit record,
 * refusals are audited as failures and change nothing, and every read is one
 * merchant and one mode.
 */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

const CONTEXT = { ip: '127.0.0.1', userAgent: 'vitest' };

async function actorFor(): Promise<WebhookActor> {
  const a = await actorForNewMerchant();
  return { ...a, context: CONTEXT, mode: 'test' };
}

const scope = (a: WebhookActor) => ({ merchantId: a.merchantId, livemode: a.mode === 'live' });

async function audits(merchantId: string) {
  return query<{
    action: string;
    outcome: string;
    target_id: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT action, outcome, target_id, details FROM audit_log WHERE merchant_id = $1 AND action LIKE 'webhook%' ORDER BY id`,
    [merchantId],
  );
}

const form = (values: Record<string, unknown>) => createEndpointSchema.parse(values);

describe('endpoints from the dashboard', () => {
  it('adds, edits, disables, enables and deletes an endpoint, each audited with who and what', async () => {
    const actor = await actorFor();
    const { id } = await createEndpointFromDashboard(
      actor,
      form({
        url: 'http://127.0.0.1:4242/hook',
        description: ' Orders ',
        events_mode: 'all',
        enabled_events: [],
      }),
    );
    expect(id).toMatch(/^we_/);
    let page = await getEndpointForDashboard(db(), scope(actor), id);
    expect(page!.endpoint).toMatchObject({
      url: 'http://127.0.0.1:4242/hook',
      description: 'Orders',
      enabled_events: ['*'],
      status: 'enabled',
    });

    await updateEndpointFromDashboard(actor, {
      endpoint: id,
      url: 'http://127.0.0.1:4243/hook',
      description: null,
      events_mode: 'selected',
      enabled_events: ['charge.succeeded', 'payment_intent.succeeded', 'charge.succeeded'],
      events: ['charge.succeeded', 'payment_intent.succeeded'],
    });
    await setEndpointStatusFromDashboard(actor, { endpoint: id, status: 'disabled' });
    page = await getEndpointForDashboard(db(), scope(actor), id);
    expect(page!.endpoint).toMatchObject({
      url: 'http://127.0.0.1:4243/hook',
      description: null,
      enabled_events: ['charge.succeeded', 'payment_intent.succeeded'],
      status: 'disabled',
    });
    await setEndpointStatusFromDashboard(actor, { endpoint: id, status: 'enabled' });
    await deleteEndpointFromDashboard(actor, id);
    expect(await getEndpointForDashboard(db(), scope(actor), id)).toBeNull();

    expect((await audits(actor.merchantId)).map((a) => [a.action, a.outcome, a.target_id])).toEqual([
      ['webhook_endpoint.created', 'success', id],
      ['webhook_endpoint.updated', 'success', id],
      ['webhook_endpoint.updated', 'success', id],
      ['webhook_endpoint.updated', 'success', id],
      ['webhook_endpoint.deleted', 'success', id],
    ]);
  });

  it('a URL the rules refuse is the form’s message, audited as a failure, and nothing is created', async () => {
    const actor = await actorFor();
    const err = await createEndpointFromDashboard(
      actor,
      form({ url: 'ftp://example.test/hook', events_mode: 'all' }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).options.param).toBe('url');
    expect(await listEndpointsForDashboard(db(), scope(actor))).toEqual([]);
    expect((await audits(actor.merchantId)).map((a) => [a.action, a.outcome])).toEqual([
      ['webhook_endpoint.created', 'failure'],
    ]);
  });

  it('the form requires events when “selected”, only known types, and an overlap from the list', () => {
    expect(createEndpointSchema.safeParse({ url: 'http://x.test', events_mode: 'selected' }).success).toBe(
      false,
    );
    expect(
      createEndpointSchema.safeParse({
        url: 'http://x.test',
        events_mode: 'selected',
        enabled_events: 'made.up',
      }).success,
    ).toBe(false);
    expect(
      createEndpointSchema.parse({
        url: 'http://x.test',
        events_mode: 'selected',
        enabled_events: 'charge.succeeded',
      }).events,
    ).toEqual(['charge.succeeded']);
    expect(
      rollSecretSchema.safeParse({ endpoint: toPublicId('we', crypto.randomUUID()), overlap: '2d' }).success,
    ).toBe(false);
  });

  it('reveals the secret (audited), rolls it with an overlap during which the previous one is shown too', async () => {
    const actor = await actorFor();
    const { id } = await createEndpointFromDashboard(
      actor,
      form({ url: 'http://127.0.0.1:4242/hook', events_mode: 'all' }),
    );
    const first = await revealSecretFromDashboard(actor, id);
    expect(first).toEqual({ secret: expect.stringMatching(/^whsec_/), previous: null });
    const { secret } = await rollSecretFromDashboard(actor, { endpoint: id, overlap: '1h' });
    const second = await revealSecretFromDashboard(actor, id);
    expect(second.secret).toBe(secret);
    expect(second.previous?.secret).toBe(first.secret);
    expect(second.previous!.expiresAt.getTime() - Date.now()).toBeGreaterThan(3500_000);
    await rollSecretFromDashboard(actor, { endpoint: id, overlap: 'now' });
    expect((await revealSecretFromDashboard(actor, id)).previous).toBeNull();
    const rows = await audits(actor.merchantId);
    expect(rows.filter((a) => a.action === 'webhook_endpoint.secret_revealed')).toHaveLength(3);
    expect(
      rows.filter((a) => a.action === 'webhook_endpoint.secret_rolled').map((a) => a.details.overlap_seconds),
    ).toEqual([3600, 0]);
    // The audit log never holds a secret.
    expect(JSON.stringify(rows)).not.toContain('whsec_');
  });

  it('another merchant’s endpoint is not found for every action', async () => {
    const owner = await actorFor();
    const { id } = await createEndpointFromDashboard(
      owner,
      form({ url: 'http://127.0.0.1:4242/hook', events_mode: 'all' }),
    );
    const outsider = await actorFor();
    expect(await getEndpointForDashboard(db(), scope(outsider), id)).toBeNull();
    await expect(revealSecretFromDashboard(outsider, id)).rejects.toMatchObject({
      options: { code: 'resource_missing' },
    });
    await expect(rollSecretFromDashboard(outsider, { endpoint: id, overlap: 'now' })).rejects.toMatchObject({
      options: { code: 'resource_missing' },
    });
    await expect(deleteEndpointFromDashboard(outsider, id)).rejects.toThrow('No such webhook endpoint.');
    await expect(
      sendTestEventFromDashboard(outsider, { endpoint: id, type: 'charge.succeeded' }),
    ).rejects.toMatchObject({
      options: { code: 'resource_missing' },
    });
    expect((await getEndpointForDashboard(db(), scope(owner), id))!.endpoint.status).toBe('enabled');
    // And the other mode of the same merchant does not see it either.
    expect(
      await getEndpointForDashboard(db(), { merchantId: owner.merchantId, livemode: true }, id),
    ).toBeNull();
  });
});

describe('test events, resend and the delivery log', () => {
  it('Send test event queues a delivery of a sample event kept out of the event history', async () => {
    const actor = await actorFor();
    const { id } = await createEndpointFromDashboard(
      actor,
      form({ url: 'http://127.0.0.1:4242/hook', events_mode: 'all' }),
    );
    const { eventId } = await sendTestEventFromDashboard(actor, {
      endpoint: id,
      type: 'payment_intent.succeeded',
    });
    const deliveries = await query<{ kind: string; status: string; endpoint_id: string }>(
      'SELECT kind, status, endpoint_id FROM webhook_deliveries WHERE event_id = $1',
      [fromPublicId('evt', eventId)],
    );
    expect(deliveries).toEqual([{ kind: 'test', status: 'pending', endpoint_id: fromPublicId('we', id) }]);
    expect((await listEventsForDashboard(db(), scope(actor), {}))!.rows).toEqual([]);
    const page = await getEventForDashboard(db(), scope(actor), eventId);
    expect(page).toMatchObject({
      testWebhook: true,
      event: { type: 'payment_intent.succeeded', pending_webhooks: 1 },
    });
  });

  it('Resend queues a fresh delivery of a real event; the event page shows every attempt', async () => {
    const { actor: apiActor, key } = await merchantWithKey();
    const actor: WebhookActor = { ...apiActor, context: CONTEXT, mode: 'test' };
    await server.stripe(key).customers.create({ email: 'log@example.test' });
    const [event] = (await listEventsForDashboard(db(), scope(actor), {}))!.rows;
    expect(event!.type).toBe('customer.created');
    const { id } = await createEndpointFromDashboard(
      actor,
      form({ url: 'http://127.0.0.1:4242/hook', events_mode: 'all' }),
    );
    const endpointUuid = fromPublicId('we', id)!;
    const eventUuid = fromPublicId('evt', event!.id)!;
    const delivery = await insertWebhookDelivery(actor.merchantId, endpointUuid, {
      event_id: eventUuid,
      status: 'succeeded',
      next_attempt_at: null,
      completed_at: new Date(),
    });
    await insertWebhookAttempt(actor.merchantId, {
      delivery_id: delivery,
      endpoint_id: endpointUuid,
      event_id: eventUuid,
      response_status: 503,
      response_body: '{"down":true}',
      created_at: new Date(Date.now() - 60_000),
    });
    await insertWebhookAttempt(actor.merchantId, {
      delivery_id: delivery,
      attempt: 2,
      endpoint_id: endpointUuid,
      event_id: eventUuid,
      response_status: 200,
      response_body: 'ok',
      succeeded: true,
    });
    await resendEventFromDashboard(actor, { endpoint: id, event: event!.id });
    const resent = await query('SELECT 1 FROM webhook_deliveries WHERE event_id = $1 AND kind = $2', [
      eventUuid,
      'resend',
    ]);
    expect(resent).toHaveLength(1);

    const eventPage = await getEventForDashboard(db(), scope(actor), event!.id);
    expect(eventPage!.attempts.map((a) => [a.status, a.responseStatus, a.endpointId])).toEqual([
      ['succeeded', 200, id],
      ['failed', 503, id],
    ]);
    expect(eventPage!.event.pending_webhooks).toBe(1);
    const endpointPage = await getEndpointForDashboard(db(), scope(actor), id);
    expect(endpointPage!.attempts.map((a) => a.eventId)).toEqual([event!.id, event!.id]);
    const [item] = await listEndpointsForDashboard(db(), scope(actor));
    expect(item!.lastAttempt).toMatchObject({ status: 'succeeded', responseStatus: 200 });

    // Disabled endpoints take neither resends nor test events.
    await setEndpointStatusFromDashboard(actor, { endpoint: id, status: 'disabled' });
    await expect(resendEventFromDashboard(actor, { endpoint: id, event: event!.id })).rejects.toMatchObject({
      options: { code: 'webhook_endpoint_disabled' },
    });
    const outsider = await actorFor();
    expect(await getEventForDashboard(db(), scope(outsider), event!.id)).toBeNull();
  });

  it('endpoints the system disabled are listed with their reason, and clear when enabled again', async () => {
    const actor = await actorFor();
    const { id } = await createEndpointFromDashboard(
      actor,
      form({ url: 'http://127.0.0.1:4242/hook', events_mode: 'all' }),
    );
    await query(
      `UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = 'failing', disabled_at = now() WHERE id = $1`,
      [fromPublicId('we', id)],
    );
    const [item] = await listEndpointsForDashboard(db(), scope(actor));
    expect(item!.attention).toMatchObject({ reason: 'failing' });
    await setEndpointStatusFromDashboard(actor, { endpoint: id, status: 'enabled' });
    expect((await listEndpointsForDashboard(db(), scope(actor)))[0]!.attention).toBeNull();
  });
});
