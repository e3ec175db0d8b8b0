import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './errors';
import {
  bool,
  initialMetadata,
  int,
  listParams,
  mergeMetadata,
  metadata,
  paramName,
  unsettable,
  validateParams,
} from './params';

const schema = z.strictObject({
  email: unsettable(z.email()).optional(),
  count: int().optional(),
  flag: bool().optional(),
  metadata: metadata().optional(),
  address: z.strictObject({ line1: z.string().max(5).optional() }).optional(),
  required: z.string(),
  ...listParams,
});

function failure(raw: unknown): ApiError {
  try {
    validateParams(schema, raw);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a validation error');
}

describe('validateParams → Stripe errors', () => {
  it('reads form strings and JSON values alike', () => {
    expect(validateParams(schema, { required: 'x', count: '42', flag: 'true', limit: '3' })).toMatchObject({
      count: 42,
      flag: true,
      limit: 3,
    });
    expect(validateParams(schema, { required: 'x', count: 42, flag: false })).toMatchObject({
      count: 42,
      flag: false,
    });
  });

  it('an unknown parameter is parameter_unknown, named in bracket notation', () => {
    expect(failure({ required: 'x', foo: 1 })).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      message: 'Received unknown parameter: foo',
      options: { code: 'parameter_unknown', param: 'foo' },
    });
    expect(failure({ required: 'x', address: { city: 'P' } }).options.param).toBe('address[city]');
    expect(failure({ required: 'x', created: { gte: '1', after: '2' } }).options).toMatchObject({
      code: 'parameter_unknown',
      param: 'created[after]',
    });
  });

  it('a missing required parameter is parameter_missing', () => {
    expect(failure({})).toMatchObject({
      message: 'Missing required param: required.',
      options: { param: 'required' },
    });
  });

  it('an invalid value names the parameter', () => {
    expect(failure({ required: 'x', email: 'nope' })).toMatchObject({
      message: 'Invalid email address: nope',
      options: { param: 'email', code: 'parameter_invalid' },
    });
    expect(failure({ required: 'x', count: '4.5' }).message).toBe('Invalid integer: 4.5');
    expect(failure({ required: 'x', flag: 'yes' }).message).toBe('Invalid boolean: yes');
    expect(failure({ required: 'x', address: { line1: 'too long' } }).options.param).toBe('address[line1]');
    expect(failure({ required: 'x', limit: '101' }).options.param).toBe('limit');
    expect(failure({ required: 'x', limit: '0' }).options.param).toBe('limit');
    expect(failure({ required: 'x', metadata: 'x' }).options.param).toBe('metadata');
  });

  it('"" unsets an unsettable field', () => {
    expect(validateParams(schema, { required: 'x', email: '' }).email).toBeNull();
  });
});

describe('metadata', () => {
  it('enforces Stripe limits: 50 keys, 40-character keys, 500-character values', () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    expect(validateParams(schema, { required: 'x', metadata: fifty }).metadata).toEqual(fifty);
    expect(failure({ required: 'x', metadata: { ...fifty, extra: 'v' } }).options.param).toBe('metadata');
    expect(failure({ required: 'x', metadata: { ['k'.repeat(41)]: 'v' } }).options.param).toMatch(
      /^metadata/,
    );
    expect(failure({ required: 'x', metadata: { k: 'v'.repeat(501) } }).options.param).toBe('metadata[k]');
  });

  it('merges on update: "" removes a key, metadata="" clears, numbers become strings', () => {
    const parsed = validateParams(schema, { required: 'x', metadata: { a: '', b: 2, c: 'x' } }).metadata;
    expect(mergeMetadata({ a: '1', z: '9' }, parsed)).toEqual({ z: '9', b: '2', c: 'x' });
    expect(
      mergeMetadata({ a: '1' }, validateParams(schema, { required: 'x', metadata: '' }).metadata),
    ).toEqual({});
    expect(mergeMetadata({ a: '1' }, undefined)).toEqual({ a: '1' });
    expect(initialMetadata({ a: null, b: 'x' })).toEqual({ b: 'x' });
  });
});

it('paramName writes Stripe bracket notation', () => {
  expect(paramName(['shipping', 'address', 'line1'])).toBe('shipping[address][line1]');
  expect(paramName(['expand', 0])).toBe('expand[0]');
});
