import { describe, expect, it } from 'vitest';
import { parseLogParams } from './search-params';

describe('parseLogParams', () => {
  it('reads every filter and a cursor', () => {
    const parsed = parseLogParams({
      status: 'failed',
      code: '400',
      path: '/v1/customers',
      method: 'POST',
      before: 'req_abc123',
      ignored: 'x',
    });
    expect(parsed.filter).toEqual({
      statusClass: 'failed',
      status: 400,
      pathPrefix: '/v1/customers',
      method: 'POST',
    });
    expect(parsed.cursor).toEqual({ requestId: 'req_abc123', direction: 'older' });
    expect(parsed.invalid).toEqual([]);
    expect(parsed.typed).toEqual({ status: 'failed', code: '400', path: '/v1/customers', method: 'POST' });
  });

  it('drops values that do not parse and names them; empty values are unset', () => {
    const parsed = parseLogParams({
      status: 'bad',
      code: '99',
      path: 'v1',
      method: 'TRACE',
      after: 'cus_1',
      before: '',
    });
    expect(parsed.filter).toEqual({});
    expect(parsed.cursor).toBeNull();
    expect(parsed.invalid).toEqual(['status', 'code', 'path', 'method', 'after']);
  });

  it('a newer-than cursor walks towards newer requests', () => {
    expect(parseLogParams({ after: ['req_x', 'req_y'] }).cursor).toEqual({
      requestId: 'req_x',
      direction: 'newer',
    });
  });
});
