import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromPublicId, toPublicId } from './object-id';

describe('public object ids', () => {
  it('round-trips every UUID, including the extremes', () => {
    for (const uuid of [
      randomUUID(),
      randomUUID(),
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    ]) {
      const id = toPublicId('cus', uuid);
      expect(id).toMatch(/^cus_[0-9A-Za-z]{22}$/);
      expect(fromPublicId('cus', id)).toBe(uuid);
    }
  });

  it('a malformed id, another prefix or an overflowing value decodes to null', () => {
    const id = toPublicId('cus', randomUUID());
    expect(fromPublicId('pi', id)).toBeNull();
    expect(fromPublicId('cus', `${id}x`)).toBeNull();
    expect(fromPublicId('cus', 'cus_!!!!!!!!!!!!!!!!!!!!!!')).toBeNull();
    expect(fromPublicId('cus', `cus_${'z'.repeat(22)}`)).toBeNull();
    expect(fromPublicId('cus', 'cus_')).toBeNull();
  });
});
