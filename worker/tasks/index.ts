import type { TaskList } from 'graphile-worker';
import { ensurePartitions } from './ensure-partitions';
import { expireCheckoutSessions } from './expire-checkout-sessions';
import { flushApiKeyLastUsed } from './flush-api-key-last-used';
import { purgeApiRequestLogs } from './purge-api-request-logs';
import { purgeIdempotencyKeys } from './purge-idempotency-keys';
import { refreshMonthlyStats } from './refresh-monthly-stats';
import { releaseAvailableFundsTask } from './release-available-funds';

/** Every job the worker runs, by the identifier jobs and the crontab use. */
export const taskList: TaskList = {
  ensure_partitions: ensurePartitions,
  refresh_monthly_stats: refreshMonthlyStats,
  flush_api_key_last_used: flushApiKeyLastUsed,
  purge_api_request_logs: purgeApiRequestLogs,
  purge_idempotency_keys: purgeIdempotencyKeys,
  release_available_funds: releaseAvailableFundsTask,
  expire_checkout_sessions: expireCheckoutSessions,
};

/**
 * Recurring jobs, in graphile-worker's crontab syntax; times are UTC. jobKey
 * keeps at most one pending copy of each, however long the worker was away.
 */
export const crontab = [
  '15 0 * * * ensure_partitions ?jobKey=ensure_partitions',
  // The seed design's schedule for the view (pg_cron '0 2 * * *').
  '0 2 * * * refresh_monthly_stats ?jobKey=refresh_monthly_stats',
  // API keys' last use, recorded in Redis per request (lib/api-keys/touch-last-used.ts).
  '* * * * * flush_api_key_last_used ?jobKey=flush_api_key_last_used',
  // Retention (lib/request-logs/purge-request-logs.ts, lib/api/idempotency.ts):
  // hourly, so each sweep finds about an hour's worth of rows.
  '30 * * * * purge_api_request_logs ?jobKey=purge_api_request_logs',
  '45 * * * * purge_idempotency_keys ?jobKey=purge_idempotency_keys',
  // Pending funds whose available_on has come (lib/ledger/release-available-funds.ts).
  '*/5 * * * * release_available_funds ?jobKey=release_available_funds',
  // Checkout Sessions past their expires_at (lib/checkout/expire-due-sessions.ts).
  '* * * * * expire_checkout_sessions ?jobKey=expire_checkout_sessions',
].join('\n');

/** Jobs queued once each time a worker starts, so a fresh install is ready at once. */
export const startupJobs = ['ensure_partitions', 'refresh_monthly_stats'] as const;
