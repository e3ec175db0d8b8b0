import { invalidRequest } from '@/lib/api/errors';
import type { PageRequest } from '@/lib/api/list';
import type { DbTx } from '@/lib/db/client';
import { eventObject, type EventScope } from './record-event';
import { pageEvents } from './repository';
import type { ListEventsParams } from './schemas';

/** GET /v1/events. Null when the cursor is not one of this merchant's events. */
export async function listEvents(tx: DbTx, scope: EventScope, params: ListEventsParams, page: PageRequest) {
  if (params.type !== undefined && params.types !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: type, types.', {
      code: 'parameter_invalid',
      param: 'types',
    });
  }
  const result = await pageEvents(
    tx,
    scope,
    {
      types: params.types ?? (params.type !== undefined ? [params.type] : undefined),
      created: params.created,
      deliverySuccess: params.delivery_success,
    },
    page,
  );
  if (!result) return null;
  return { data: result.rows.map(eventObject), hasMore: result.hasMore };
}
