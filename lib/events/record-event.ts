import { toPublicId } from '@/lib/api/object-id';
import { API_VERSION } from '@/lib/api/version';
import { clock } from '@/lib/clock';
import type { DbTx } from '@/lib/db/client';
import type { Event, Prisma } from '@/lib/db/generated/client';
import { eventUuid } from './event-id';
import { needsSealing, openEventData, sealEventData, stubOf } from './sealed-data';

/**
 * The outbox. Every state change writes its event here in the caller's
 * transaction, so an event exists exactly when its change committed; the
 * webhooks worker publishes unpublished rows (idx_events_unpublished) and
 * stamps published_at. The stored shape is Stripe's event object, so
 * delivery is eventObject(row) as it stands (customer and payment method
 * data sealed at rest, opened by eventObject: sealed-data.ts).
 */
export interface EventScope {
  merchantId: string;
  livemode: boolean;
}

/** What the API request contributes to its events (Stripe's `event.request`). */
export interface EventRequest {
  requestId: string | null;
  idempotencyKey: string | null;
}

/** Changes made outside an API request (dashboard, worker): Stripe's `request.id` is null then. */
export const NO_REQUEST: EventRequest = { requestId: null, idempotencyKey: null };

export interface NewEvent {
  /** Stripe's event type: `payment_intent.succeeded`, `charge.refunded`, `balance.available`, … */
  type: string;
  /** The object as the API shows it after the change. */
  object: Record<string, unknown>;
  /** For `*.updated`: the changed fields' values before the change. */
  previousAttributes?: Record<string, unknown>;
  requestId?: string | null;
  idempotencyKey?: string | null;
}

/** Returns the event's public id (`evt_…`). */
export async function recordEvent(tx: DbTx, scope: EventScope, event: NewEvent): Promise<string> {
  const createdAt = clock.now();
  const id = eventUuid(createdAt.getTime());
  const data = {
    object: event.object,
    ...(event.previousAttributes ? { previous_attributes: event.previousAttributes } : {}),
  };
  const sealed = needsSealing(event.object);
  await tx.event.create({
    data: {
      id,
      merchantId: scope.merchantId,
      livemode: scope.livemode,
      type: event.type,
      apiVersion: API_VERSION,
      data: (sealed ? stubOf(event.object) : data) as Prisma.InputJsonObject,
      ...(sealed ? sealEventData(id, data) : {}),
      requestId: event.requestId ?? null,
      idempotencyKey: event.idempotencyKey ?? null,
      createdAt,
    },
  });
  return toPublicId('evt', id);
}

export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

/** A stored event as Stripe's event JSON (webhook payloads, GET /v1/events). */
export function eventObject(row: Event): StripeEvent {
  return {
    id: toPublicId('evt', row.id),
    object: 'event',
    api_version: row.apiVersion,
    created: Math.floor(row.createdAt.getTime() / 1000),
    data: (row.sealedData && row.dataKeyId
      ? openEventData(row.id, row.sealedData, row.dataKeyId)
      : row.data) as unknown as StripeEvent['data'],
    livemode: row.livemode,
    pending_webhooks: row.pendingWebhooks,
    request: { id: row.requestId, idempotency_key: row.idempotencyKey },
    type: row.type,
  };
}
