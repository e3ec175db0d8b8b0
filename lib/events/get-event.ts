import type { DbTx } from '@/lib/db/client';
import { eventObject, type EventScope } from './record-event';
import { findEvent } from './repository';

/** GET /v1/events/:id. Another merchant's or mode's event is simply not found (null). */
export async function getEvent(tx: DbTx, scope: EventScope, id: string) {
  const row = await findEvent(tx, scope, id);
  return row ? eventObject(row) : null;
}
