import { clock } from '@/lib/clock';
import { db, type DbTx } from '@/lib/db/client';
import { finishPendingWebhook, findEvent } from '@/lib/events/outbox';
import { eventObject } from '@/lib/events/record-event';
import { disableEndpoint } from './disable-endpoint';
import { enqueueDelivery } from './jobs';
import { postWebhook, type PostResult } from './post-webhook';
import {
  countInFlight,
  countWaiting,
  insertAttempt,
  nextWaitingDeliveries,
  lockDelivery,
  updateDeliveryRow,
} from './deliveries-repository';
import { lockEndpoint, updateEndpointRow, type DeliveryRow, type EndpointRow } from './repository';
import { FAILING_DISABLE_AFTER_MS, nextAttemptAt, RETRY_OFFSETS_MS } from './retry-schedule';
import { signPayload } from './signature';
import { activeSecrets } from './signing-secrets';
import { checkDeliveryUrl, UrlRefusedError } from './url-policy';

/**
 * One attempt of one delivery (the `webhook_deliver` job). Three steps, so no
 * database transaction stays open while a receiver takes its time:
 *
 * 1. claim (short transaction): the delivery is still pending and due, its
 *    endpoint enabled and not already at its in-flight limit; a lease is set
 *    so no other worker attempts it meanwhile;
 * 2. POST, freshly signed, to the address the URL policy checked;
 * 3. record (short transaction): the attempt row, then success, a retry on
 *    the schedule (with its job), or the end of the delivery.
 *
 * A worker killed between 2 and 3 leaves the lease to run out; the sweep
 * queues the delivery again and the event is sent again with the same id:
 * at-least-once, receivers deduplicate by event id (docs/webhooks.md).
 */
export const LEASE_MS = 20_000;
/** Attempts in flight per endpoint: a slow or dead endpoint holds at most this many worker slots. */
export const MAX_IN_FLIGHT_PER_ENDPOINT = 2;
const BUSY_RETRY_MAX_MS = 30_000;
export const USER_AGENT = 'PaymentPlatform-Webhooks/1.0 (+docs/webhooks.md)';

export type DeliveryOutcome = 'succeeded' | 'retrying' | 'failed' | 'skipped' | 'busy' | 'not_due';

interface Claimed {
  delivery: DeliveryRow;
  endpoint: EndpointRow;
  body: string;
  secrets: string[];
}

async function claim(
  deliveryId: string,
  now: Date,
): Promise<Claimed | Exclude<DeliveryOutcome, 'succeeded' | 'retrying'>> {
  return db().$transaction(async (tx) => {
    const delivery = await lockDelivery(tx, deliveryId);
    if (!delivery || delivery.status !== 'pending') return 'skipped';
    if (delivery.leaseUntil && delivery.leaseUntil > now) return 'skipped';
    if (delivery.nextAttemptAt && delivery.nextAttemptAt > now) {
      // An early job (e.g. re-queued by the sweep): keep one waiting for the due time.
      await enqueueDelivery(tx, delivery.id, delivery.nextAttemptAt);
      return 'not_due';
    }
    const scope = { merchantId: delivery.merchantId, livemode: delivery.livemode };
    const endpoint = await lockEndpoint(tx, scope, delivery.endpointId);
    const event = await findEvent(tx, scope, delivery.eventId);
    if (!endpoint || endpoint.status !== 'enabled' || !event) {
      // Deleted or disabled since: the delivery ends here.
      await updateDeliveryRow(tx, delivery.id, {
        status: 'failed',
        nextAttemptAt: null,
        leaseUntil: null,
        completedAt: now,
        updatedAt: now,
      });
      await finishPendingWebhook(tx, delivery.eventId);
      return 'failed';
    }
    if ((await countInFlight(tx, endpoint.id, now)) >= MAX_IN_FLIGHT_PER_ENDPOINT) {
      // The endpoint already holds its share of the workers. Each finished
      // attempt starts the next waiting delivery (startNextWaiting), so this
      // later run is only a fallback: the longer the queue, the later.
      const waiting = await countWaiting(tx, endpoint.id, now);
      const delay = Math.min(BUSY_RETRY_MAX_MS, 1_000 + 500 * waiting) * (1 + Math.random() * 0.5);
      await enqueueDelivery(tx, delivery.id, new Date(now.getTime() + Math.floor(delay)));
      return 'busy';
    }
    await updateDeliveryRow(tx, delivery.id, {
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      updatedAt: now,
    });
    return {
      delivery,
      endpoint,
      // Stripe sends the event pretty-printed; the signature covers these exact bytes.
      body: JSON.stringify(eventObject(event), null, 2),
      secrets: activeSecrets(endpoint, now),
    };
  });
}

async function send(claimed: Claimed, headers: Record<string, string>): Promise<PostResult> {
  const { endpoint, body } = claimed;
  try {
    const url = await checkDeliveryUrl(endpoint.url, endpoint.livemode);
    return await postWebhook(url, endpoint.livemode, headers, body);
  } catch (err) {
    if (err instanceof UrlRefusedError)
      return { status: null, body: null, durationMs: 0, error: err.message };
    throw err;
  }
}

export async function deliverWebhook(deliveryId: string): Promise<DeliveryOutcome> {
  const claimed = await claim(deliveryId, clock.now());
  if (typeof claimed === 'string') return claimed;

  const timestamp = Math.floor(clock.nowMs() / 1000);
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'User-Agent': USER_AGENT,
    'Stripe-Signature': signPayload(claimed.body, claimed.secrets, timestamp),
  };
  const result = await send(claimed, headers);
  const succeeded = result.status !== null && result.status >= 200 && result.status < 300;

  return db().$transaction(async (tx): Promise<DeliveryOutcome> => {
    const outcome = await record(tx, deliveryId, claimed, headers, result, succeeded);
    await startNextWaiting(tx, claimed.endpoint.id, deliveryId);
    return outcome;
  });
}

/**
 * This attempt's slot is free: the endpoint's next waiting deliveries go now
 * (as many as its free slots), not at their fallback time.
 */
async function startNextWaiting(tx: DbTx, endpointId: string, deliveryId: string): Promise<void> {
  const now = clock.now();
  const free = MAX_IN_FLIGHT_PER_ENDPOINT - (await countInFlight(tx, endpointId, now));
  if (free <= 0) return;
  for (const next of await nextWaitingDeliveries(tx, endpointId, now, deliveryId, free)) {
    await enqueueDelivery(tx, next.id, now);
  }
}

async function record(
  tx: DbTx,
  deliveryId: string,
  claimed: Claimed,
  headers: Record<string, string>,
  result: PostResult,
  succeeded: boolean,
): Promise<DeliveryOutcome> {
  const now = clock.now();
  const delivery = await lockDelivery(tx, deliveryId);
  // Closed meanwhile (its endpoint disabled or deleted): the attempt is still logged.
  const attempt = (delivery?.attemptCount ?? claimed.delivery.attemptCount) + 1;
  const scope = { merchantId: claimed.delivery.merchantId, livemode: claimed.delivery.livemode };
  // Locks in the order every webhooks transaction takes them: delivery, then endpoint.
  const endpoint = await lockEndpoint(tx, scope, claimed.endpoint.id);
  await insertAttempt(
    tx,
    scope,
    {
      deliveryId,
      eventId: claimed.delivery.eventId,
      endpointId: claimed.endpoint.id,
      attempt,
      url: claimed.endpoint.url,
      requestHeaders: headers,
      requestBody: claimed.body,
      responseStatus: result.status,
      responseBody: result.body,
      durationMs: result.durationMs,
      error: result.error,
      succeeded,
    },
    now,
  );
  const common = {
    attemptCount: attempt,
    lastResponseStatus: result.status,
    leaseUntil: null,
    updatedAt: now,
  };
  const end = async (status: 'succeeded' | 'failed') => {
    if (delivery?.status !== 'pending') return;
    await updateDeliveryRow(tx, deliveryId, { ...common, status, nextAttemptAt: null, completedAt: now });
    await finishPendingWebhook(tx, claimed.delivery.eventId);
  };
  if (delivery?.status !== 'pending') {
    await updateDeliveryRow(tx, deliveryId, {
      attemptCount: attempt,
      lastResponseStatus: result.status,
      updatedAt: now,
    });
    return succeeded ? 'succeeded' : 'failed';
  }

  if (succeeded) {
    await end('succeeded');
    if (endpoint?.failingSince)
      await updateEndpointRow(tx, endpoint.id, { failingSince: null, updatedAt: now });
    return 'succeeded';
  }
  if (result.status === 410) {
    await end('failed');
    if (endpoint) await disableEndpoint(tx, endpoint, 'gone', now);
    return 'failed';
  }
  const failingSince = endpoint ? (endpoint.failingSince ?? now) : null;
  if (endpoint && !endpoint.failingSince)
    await updateEndpointRow(tx, endpoint.id, { failingSince: now, updatedAt: now });
  if (endpoint && failingSince && now.getTime() - failingSince.getTime() >= FAILING_DISABLE_AFTER_MS) {
    await end('failed');
    await disableEndpoint(tx, { ...endpoint, failingSince }, 'failing', now);
    return 'failed';
  }
  const next = nextAttemptAt(delivery.createdAt, attempt, now);
  if (!next) {
    await end('failed');
    // Every attempt of this delivery failed over 3 days, and nothing reached
    // the endpoint since its first retry (jitter can leave the last attempt a
    // little short of 72 h after the endpoint's first failure).
    const firstRetry = delivery.createdAt.getTime() + RETRY_OFFSETS_MS[0];
    if (endpoint && failingSince && failingSince.getTime() <= firstRetry) {
      await disableEndpoint(tx, { ...endpoint, failingSince }, 'failing', now);
    }
    return 'failed';
  }
  await updateDeliveryRow(tx, deliveryId, { ...common, nextAttemptAt: next });
  await enqueueDelivery(tx, deliveryId, next);
  return 'retrying';
}
