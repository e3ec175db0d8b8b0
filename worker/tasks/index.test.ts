import { parseCrontab } from 'graphile-worker';
import { describe, expect, it } from 'vitest';
import { crontab, startupJobs, taskList } from './index';

describe('worker schedule', () => {
  it('every crontab line parses and names a registered task, once', () => {
    const items = parseCrontab(crontab);
    expect(items.every((item) => item.task in taskList)).toBe(true);
    expect(items.every((item) => item.options.jobKey === item.task)).toBe(true);
    expect(new Set(items.map((i) => i.task)).size).toBe(items.length);
    expect(startupJobs.every((job) => job in taskList)).toBe(true);
  });

  it('checkout sessions are expired every minute', () => {
    const item = parseCrontab(crontab).find((i) => i.task === 'expire_checkout_sessions');
    expect(item?.match).toBeDefined();
    expect(crontab).toContain('* * * * * expire_checkout_sessions');
  });

  it('the retention sweeps are scheduled', () => {
    const tasks = parseCrontab(crontab).map((i) => i.task);
    expect(tasks).toEqual(expect.arrayContaining(['purge_api_request_logs', 'purge_idempotency_keys']));
  });
});
