import { Logger } from 'graphile-worker';
import { log } from '@/lib/log';

/**
 * graphile-worker's messages through our structured logger, so that the worker's
 * output is one JSON line per event like the app's, with the job in its fields.
 */
const byLevel: Record<string, (msg: string, fields?: Record<string, unknown>) => void> = {
  error: log.error,
  warning: log.warn,
  info: log.info,
  debug: log.debug,
};

export const workerLogger = new Logger((scope) => (level, message, meta) => {
  const write = byLevel[String(level)] ?? log.info;
  // `job` is the whole jobs row (payload included); the scope already names the
  // job and the message its outcome, so leave the row out of the log line.
  const { job: _job, ...fields } = meta ?? {};
  write(message, { component: 'worker', ...scope, ...fields });
});
