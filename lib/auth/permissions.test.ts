import { describe, expect, it } from 'vitest';
import { can } from './permissions';

describe('permissions', () => {
  it('owners can do everything, admins all but ownership', () => {
    expect(can('owner', 'team:owner')).toBe(true);
    expect(can('admin', 'team:write')).toBe(true);
    expect(can('admin', 'team:owner')).toBe(false);
  });

  it('analysts only read', () => {
    expect(can('analyst', 'payments:read')).toBe(true);
    expect(can('analyst', 'developers:read')).toBe(false);
    expect(can('analyst', 'team:write')).toBe(false);
    expect(can('analyst', 'refunds:write')).toBe(false);
  });

  it('developers reach developer tools but not the team', () => {
    expect(can('developer', 'developers:write')).toBe(true);
    expect(can('developer', 'team:write')).toBe(false);
  });

  it('unknown roles can do nothing', () => {
    expect(can('root', 'dashboard:read')).toBe(false);
  });
});
