import { afterEach, describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import { workerLogger } from './logger';

describe('workerLogger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs routine successes at debug and everything else at its own level', () => {
    const info = vi.spyOn(log, 'info').mockImplementation(() => undefined);
    const debug = vi.spyOn(log, 'debug').mockImplementation(() => undefined);
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined);

    workerLogger
      .scope({ taskIdentifier: 'webhooks_sweep' })
      .info('Completed task 7 (webhooks_sweep, 5ms) with success');
    expect(debug).toHaveBeenCalledTimes(1);
    expect(info).not.toHaveBeenCalled();

    workerLogger.scope({ taskIdentifier: 'release_available_funds' }).info('Completed task 8 with success');
    expect(info).toHaveBeenCalledTimes(1);

    workerLogger.scope({ taskIdentifier: 'webhook_deliver' }).warn('Failed task 9 (webhook_deliver)');
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
