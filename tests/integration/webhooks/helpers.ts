import { runMigrations } from 'graphile-worker';
import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { recordEvent } from '@/lib/events/record-event';
import { createWebhookEndpoint } from '@/lib/webhooks/create-webhook-endpoint';
import { deliverWebhook } from '@/lib/webhooks/deliver-webhook';
import { relayEvents } from '@/lib/webhooks/relay-events';
import type { CreateWebhookEndpointParams } from '@/lib/webhooks/schemas';
import { databaseUrl } from '@/lib/env';
import { query } from '@/tests/helpers/fixtures';

/** graphile-worker's schema in this file's database, as the worker installs it at start. */
export async function installGraphileWorker(): Promise<void> {
  await runMigrations({ connectionString: databaseUrl() });
}

export interface Scope {
  merchantId: string;
  livemode: boolean;
}

export async function endpointFor(scope: Scope, params: CreateWebhookEndpointParams) {
  return db().$transaction((tx) => createWebhookEndpoint(tx, scope, params));
}

/** An event recorded as a state change would record it, committed. Returns `evt_…`. */
export function committedEvent(scope: Scope, type: string, objectId = 'pi_123'): Promise<string> {
  return db().$transaction((tx) =>
    recordEvent(tx, scope, { type, object: { id: objectId, object: type.split('.')[0]!, amount: 1000 } }),
  );
}

/**
 * The worker's work, driven from the test at the controllable clock's time:
 * relay what committed, then attempt every delivery that is due until none is.
 */
export async function runDue(): Promise<void> {
  await relayEvents();
  for (let round = 0; round < 50; round++) {
    const now = clock.now();
    const due = await query<{ id: string }>(
      `SELECT id::text AS id FROM webhook_deliveries
        WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)`,
      [now],
    );
    if (due.length === 0) return;
    await Promise.all(due.map((d) => deliverWebhook(d.id)));
  }
  throw new Error('deliveries kept being due after 50 rounds');
}

export function deliveryRows(endpointUuid: string) {
  return query<{
    id: string;
    status: string;
    attempt_count: number;
    next_attempt_at: Date | null;
    created_at: Date;
    kind: string;
  }>('SELECT * FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY created_at', [endpointUuid]);
}
