import { describe, expect, it } from 'vitest';
import { toPublicId } from '@/lib/api/object-id';
import { parsePaymentParams } from './search-params';

const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('parsePaymentParams', () => {
  it('reads status, UTC day range, customer and cursor', () => {
    const parsed = parsePaymentParams({
      status: 'requires_capture',
      from: '2026-03-01',
      to: '2026-03-02',
      customer: toPublicId('cus', uuid),
      after: toPublicId('pi', uuid),
    });
    expect(parsed.invalid).toEqual([]);
    expect(parsed.filter).toEqual({
      status: 'requires_capture',
      customerId: uuid,
      from: new Date('2026-03-01T00:00:00Z'),
      until: new Date('2026-03-03T00:00:00Z'),
    });
    expect(parsed.cursor).toEqual({ id: uuid, direction: 'older' });
  });

  it('drops and names what does not parse', () => {
    const parsed = parsePaymentParams({ status: 'paid', from: '2026-13-45', before: 'pi_nope', x: 'y' });
    expect(parsed.invalid.sort()).toEqual(['before', 'from', 'status']);
    expect(parsed.filter).toEqual({
      status: undefined,
      customerId: undefined,
      from: undefined,
      until: undefined,
    });
    expect(parsed.cursor).toBeNull();
    expect(parsed.typed.status).toBe('paid');
  });
});
