import { describe, expect, it } from 'vitest';
import { allows, grantsAnything, parsePermissions, RESOURCES, serializePermissions } from './permissions';

describe('restricted key permissions', () => {
  it('every resource is none unless listed', () => {
    const map = parsePermissions(['customers:read', 'refunds:write']);
    expect(map.customers).toBe('read');
    expect(map.refunds).toBe('write');
    expect(map.payment_intents).toBe('none');
    expect(Object.keys(map)).toEqual([...RESOURCES]);
  });

  it('ignores malformed and unknown entries', () => {
    const map = parsePermissions(['customers:delete', 'planets:write', 'refunds', 'balance:read:extra']);
    expect(grantsAnything(map)).toBe(false);
  });

  it('round-trips through the stored form, one entry per resource', () => {
    const map = parsePermissions(['disputes:write', 'files:read']);
    const stored = serializePermissions(map);
    expect(stored).toHaveLength(RESOURCES.length);
    expect(stored).toContain('customers:none');
    expect(parsePermissions(stored)).toEqual(map);
    for (const entry of stored) expect(entry).toMatch(/^[a-z_]+:(none|read|write)$/);
  });

  it('write implies read; none allows nothing', () => {
    const entries = ['customers:read', 'refunds:write'];
    expect(allows(entries, 'customers', 'read')).toBe(true);
    expect(allows(entries, 'customers', 'write')).toBe(false);
    expect(allows(entries, 'refunds', 'read')).toBe(true);
    expect(allows(entries, 'refunds', 'write')).toBe(true);
    expect(allows(entries, 'balance', 'read')).toBe(false);
  });
});
