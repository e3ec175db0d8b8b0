import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { checkJsonShape, LIMITS, parseBracketParams } from './form-params';

const parse = (body: string) => parseBracketParams(new URLSearchParams(body));

function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

describe('parseBracketParams (Stripe bracket notation)', () => {
  it('reads flat, nested and indexed parameters as the stripe SDK encodes them', () => {
    expect(
      parse(
        'email=a%40b.test&metadata[order]=1&metadata[note]=x+y&expand[0]=customer&expand[1]=data.customer&address[line1]=1+Main',
      ),
    ).toEqual({
      email: 'a@b.test',
      metadata: { order: '1', note: 'x y' },
      expand: ['customer', 'data.customer'],
      address: { line1: '1 Main' },
    });
  });

  it('accepts `key[]=` pushes and nested objects inside arrays', () => {
    expect(parse('expand[]=a&expand[]=b')).toEqual({ expand: ['a', 'b'] });
    expect(parse('items[0][price]=p1&items[0][quantity]=2&items[1][price]=p2')).toEqual({
      items: [{ price: 'p1', quantity: '2' }, { price: 'p2' }],
    });
  });

  it('keeps numeric keys that are not a 0..n sequence as an object (metadata[7]=x stays a hash)', () => {
    expect(parse('metadata[7]=x')).toEqual({ metadata: { '7': 'x' } });
    expect(parse('metadata[1]=x&metadata[0]=y')).toEqual({ metadata: { '1': 'x', '0': 'y' } });
  });

  it('keeps empty strings: they mean "unset" to the schema', () => {
    expect(parse('description=&metadata[a]=')).toEqual({ description: '', metadata: { a: '' } });
  });

  it('refuses a parameter given twice, and a value that is also a hash', () => {
    expect(errorOf(() => parse('email=a&email=b')).options.param).toBe('email');
    expect(errorOf(() => parse('address=x&address[line1]=y')).message).toMatch(/Conflicting values/);
    expect(errorOf(() => parse('expand[]=a&expand[x]=b')).status).toBe(400);
  });

  it('refuses malformed names, too deep nesting and too many parameters', () => {
    expect(errorOf(() => parse('a[b=1')).message).toMatch(/Invalid parameter name/);
    expect(errorOf(() => parse('[a]=1')).message).toMatch(/Invalid parameter name/);
    expect(errorOf(() => parse('a[b]c=1')).message).toMatch(/Invalid parameter name/);
    const deep = `a${'[x]'.repeat(LIMITS.maxDepth + 1)}=1`;
    expect(errorOf(() => parse(deep)).message).toMatch(/nested too deeply/);
    expect(parse(`a${'[x]'.repeat(LIMITS.maxDepth)}=1`)).toBeTruthy();
    const many = Array.from({ length: LIMITS.maxParameters + 1 }, (_, i) => `p${i}=1`).join('&');
    expect(errorOf(() => parse(many)).message).toMatch(/Too many parameters/);
  });
});

describe('checkJsonShape', () => {
  it('accepts an object and applies the same depth limit', () => {
    expect(checkJsonShape({ a: { b: 1 } })).toEqual({ a: { b: 1 } });
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i <= LIMITS.maxDepth + 1; i++) deep = { x: deep };
    expect(errorOf(() => checkJsonShape(deep)).message).toMatch(/nested too deeply/);
  });

  it('refuses a body that is not a JSON object', () => {
    for (const body of [[1, 2], 'text', 3, null]) {
      expect(errorOf(() => checkJsonShape(body)).message).toBe('The request body must be a JSON object.');
    }
  });
});
