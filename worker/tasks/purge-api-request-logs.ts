import type { Task } from 'graphile-worker';
import { env } from '@/lib/env';
import { purgeRequestLogs } from '@/lib/request-logs/purge-request-logs';

/** Developers → Logs retention: requests older than API_REQUEST_LOG_RETENTION_DAYS go. */
export const purgeApiRequestLogs: Task = async (_payload, helpers) => {
  const deleted = await purgeRequestLogs();
  if (deleted > 0) {
    helpers.logger.info(
      `deleted ${deleted} API request logs older than ${env.API_REQUEST_LOG_RETENTION_DAYS} days`,
    );
  }
};
