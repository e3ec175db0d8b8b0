import { describe, expect, it } from 'vitest';
import { csrfTokenMatches } from './csrf';

describe('csrfTokenMatches', () => {
  it('accepts only the exact token', () => {
    expect(csrfTokenMatches('abc123', 'abc123')).toBe(true);
    expect(csrfTokenMatches('abc123', 'abc124')).toBe(false);
    expect(csrfTokenMatches('abc123', 'abc')).toBe(false);
    expect(csrfTokenMatches('abc123', null)).toBe(false);
    expect(csrfTokenMatches('abc123', undefined)).toBe(false);
  });
});
