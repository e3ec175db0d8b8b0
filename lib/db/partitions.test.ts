import { describe, expect, it } from 'vitest';
import { monthStarts, partitionName } from './partitions';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString().slice(0, 10));

describe('monthStarts', () => {
  it('starts at the first day of the given month', () => {
    expect(iso(monthStarts(new Date('2026-05-17T13:45:00Z'), 1))).toEqual(['2026-05-01']);
  });

  it('returns consecutive months, crossing the year end', () => {
    expect(iso(monthStarts(new Date('2026-11-30T23:59:59Z'), 4))).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
      '2027-02-01',
    ]);
  });

  it('cuts months in UTC, whatever the local time zone says', () => {
    // 00:30 on 1 March in UTC+2 is still February in UTC.
    expect(iso(monthStarts(new Date('2026-03-01T00:30:00+02:00'), 1))).toEqual(['2026-02-01']);
  });

  it('returns midnight UTC', () => {
    expect(monthStarts(new Date('2026-01-31T18:00:00Z'), 2).map((d) => d.toISOString())).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
    ]);
  });

  it('returns nothing for a count of zero', () => {
    expect(monthStarts(new Date('2026-01-01T00:00:00Z'), 0)).toEqual([]);
  });
});

describe('partitionName', () => {
  it('matches create_monthly_partition: table_YYYY_MM', () => {
    expect(partitionName('transactions', new Date('2027-01-01T00:00:00Z'))).toBe('transactions_2027_01');
    expect(partitionName('transactions', new Date('2026-12-01T00:00:00Z'))).toBe('transactions_2026_12');
  });
});
