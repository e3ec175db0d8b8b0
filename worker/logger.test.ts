import { afterEach, describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import { workerLogger } from './logger';

describe('workerLogger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs routine successes at debug and everything else at its own level', () => {
    const info = vi.spyOn(log, 'info').mockImplementation(() => undefined);
    const debug = vi.spyOn(log, 'debug').mockImplementation(() => undefined);
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined);

    // As graphile-worker logs it: the worker's scope, the job row in the meta.
    const worker = workerLogger.scope({ label: 'worker', workerId: 'w1' });
    worker.info('Completed task 7 (webhooks_sweep, 5ms) with success', {
      job: { task_identifier: 'webhooks_sweep' },
    });
    expect(debug).toHaveBeenCalledTimes(1);
    expect(info).not.toHaveBeenCalled();

    worker.info('Completed task 8 (release_available_funds, 9ms) with success', {
      job: { task_identifier: 'release_available_funds' },
    });
    expect(info).toHaveBeenCalledTimes(1);

    worker.warn('Failed task 9 (webhook_deliver)', { job: { task_identifier: 'webhook_deliver' } });
    // The job row itself (payload included) never reaches the log line.
    expect(warn.mock.calls[0]![1]).not.toHaveProperty('job');
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
