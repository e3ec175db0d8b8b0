import type { Task } from 'graphile-worker';
import { refreshMonthlyStats as refresh } from '@/lib/analytics/refresh-monthly-stats';
import { db } from '@/lib/db/client';

export const refreshMonthlyStats: Task = async (_payload, helpers) => {
  const started = Date.now();
  const { concurrently } = await refresh(db());
  helpers.logger.info(
    `refreshed merchant_monthly_stats${concurrently ? ' concurrently' : ''} in ${Date.now() - started} ms`,
  );
};
