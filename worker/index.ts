import { run } from 'graphile-worker';
import { disconnectRedis } from '@/lib/cache/redis';
import { disconnectDb } from '@/lib/db/client';
import { databaseUrl } from '@/lib/env';
import { log } from '@/lib/log';
import { listenForEvents } from './event-listener';
import { workerLogger } from './logger';
import { crontab, startupJobs, taskList } from './tasks';

/**
 * The worker: everything that happens after a response, as graphile-worker jobs
 * stored in PostgreSQL (schema `graphile_worker`, installed and migrated by
 * run() itself). Jobs survive restarts; several workers can run side by side.
 */

const runner = await run({
  connectionString: databaseUrl(),
  // Most jobs here are database-bound and the app shares the same 2-core box.
  // Webhook deliveries mostly wait on receivers (up to 10 s each, at most 2 per
  // endpoint: lib/webhooks/deliver-webhook.ts), so a few dead endpoints cannot
  // take every slot.
  concurrency: 8,
  // graphile-worker warns below its concurrency; its connections only fetch and complete jobs.
  maxPoolSize: 8,
  taskList,
  crontab,
  logger: workerLogger,
  // We stop on our own terms below, so that Prisma and Redis are closed too.
  noHandleSignals: true,
});

for (const job of startupJobs) {
  // Same key as the cron entry: if one is already waiting, it is replaced, not doubled.
  await runner.addJob(job, {}, { jobKey: job });
}
const eventListener = listenForEvents(runner);
log.info('worker started', { tasks: Object.keys(taskList) });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // once: a second signal takes the default action and ends the process at once.
  process.once(signal, () => {
    log.info('worker stopping', { signal });
    // stop() lets running jobs finish and releases the rest for other workers.
    runner.stop().catch((err: unknown) => log.error('worker stop failed', { err }));
  });
}

let exitCode = 0;
try {
  await runner.promise;
} catch (err) {
  log.error('worker failed', { err });
  exitCode = 1;
} finally {
  await eventListener.stop();
  await disconnectDb();
  await disconnectRedis();
}
log.info('worker stopped');
// Anything still holding the event loop open (a pool that did not drain) must not
// keep a stopped worker alive.
process.exit(exitCode);
