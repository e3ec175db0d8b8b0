import { Logger } from 'graphile-worker';
import { log } from '@/lib/log';

/**
 * graphile-worker's messages through our structured logger, so that the worker's
 * output is one JSON line per event like the app's, with the job in its fields.
 */
const byLevel: Record<string, 'error' | 'warn' | 'info' | 'debug'> = {
  error: 'error',
  warning: 'warn',
  info: 'info',
  debug: 'debug',
};

/**
 * Tasks that run every few seconds or per webhook: their successful runs are
 * routine, logged at debug so the worker's output shows what matters (their
 * failures keep graphile's own level).
 */
const ROUTINE = new Set(['webhooks_sweep', 'webhooks_relay', 'webhook_deliver', 'flush_api_key_last_used']);

export const workerLogger = new Logger((scope) => (level, message, meta) => {
  // `job` is the whole jobs row (payload included); the message already names
  // the job and its outcome, so leave the row out of the log line.
  const { job, ...fields } = (meta ?? {}) as { job?: { task_identifier?: string } };
  const task = job?.task_identifier ?? scope.taskIdentifier ?? '';
  const routine = String(level) === 'info' && ROUTINE.has(task) && message.startsWith('Completed task');
  const write = routine ? 'debug' : (byLevel[String(level)] ?? 'info');
  log[write](message, { component: 'worker', ...scope, ...fields });
});
