import { describe, expect, it } from 'vitest';
import { parseAuditParams, parseMerchantListParams, queryString } from './search-params';

describe('merchant list parameters', () => {
  it('reads search, status, verification and page', () => {
    expect(
      parseMerchantListParams({ q: '  acme ', status: 'active', verification: 'verified', page: '3' }),
    ).toEqual({
      filters: { query: 'acme', status: 'active', verification: 'verified', page: 3 },
      invalid: [],
    });
  });

  it('defaults to the first page and no filters; empty values are unset', () => {
    expect(parseMerchantListParams({ q: '', status: '' })).toEqual({
      filters: { query: undefined, status: undefined, verification: undefined, page: 1 },
      invalid: [],
    });
  });

  it('drops and names values that do not parse, ignores unknown keys, takes the first of repeats', () => {
    expect(
      parseMerchantListParams({
        status: 'frozen',
        verification: 'approved',
        page: '-1',
        utm: 'x',
        q: ['a', 'b'],
      }),
    ).toEqual({
      filters: { query: 'a', status: undefined, verification: undefined, page: 1 },
      invalid: ['status', 'verification', 'page'],
    });
  });
});

describe('audit log parameters', () => {
  it('reads every filter; the date range is whole UTC days, both included', () => {
    const { filters, invalid } = parseAuditParams({
      action: 'merchant.status_changed',
      outcome: 'denied',
      actor: 'ops@',
      merchant: '3F2504E0-4F89-41D3-9A0C-0305E82C3301',
      from: '2026-03-01',
      to: '2026-03-02',
      before: '12345',
      after: '7',
    });
    expect(invalid).toEqual([]);
    expect(filters).toEqual({
      action: 'merchant.status_changed',
      outcome: 'denied',
      actorEmail: 'ops@',
      merchantId: '3F2504E0-4F89-41D3-9A0C-0305E82C3301',
      from: new Date('2026-03-01T00:00:00Z'),
      until: new Date('2026-03-03T00:00:00Z'),
      before: 12345n,
      after: 7n,
    });
  });

  it('names what it ignored', () => {
    const { filters, invalid } = parseAuditParams({
      outcome: 'ok',
      merchant: 'acme',
      from: '2026-13-45',
      to: 'yesterday',
      before: '1e9',
    });
    expect(invalid).toEqual(['from', 'to', 'outcome', 'merchant', 'before']);
    expect(Object.values(filters).every((v) => v === undefined)).toBe(true);
  });
});

describe('queryString', () => {
  it('leaves out empty values and escapes the rest', () => {
    expect(queryString({ q: 'a&b', status: '', page: 2, x: undefined })).toBe('?q=a%26b&page=2');
    expect(queryString({})).toBe('');
  });
});
