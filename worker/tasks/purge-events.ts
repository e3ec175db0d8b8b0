import type { Task } from 'graphile-worker';
import { env } from '@/lib/env';
import { purgeEvents } from '@/lib/events/purge-events';

/** /v1/events retention: events older than EVENT_RETENTION_DAYS, once delivered, go. */
export const purgeEventsTask: Task = async (_payload, helpers) => {
  const deleted = await purgeEvents();
  if (deleted > 0) helpers.logger.info(`deleted ${deleted} events older than ${env.EVENT_RETENTION_DAYS} days`);
};
