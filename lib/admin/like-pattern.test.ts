import { describe, expect, it } from 'vitest';
import { containsPattern, escapeLike } from './like-pattern';

describe('LIKE patterns', () => {
  it('escapes the wildcards and the escape character itself', () => {
    expect(escapeLike('100%')).toBe('100\\%');
    expect(escapeLike('a_b')).toBe('a\\_b');
    expect(escapeLike('back\\slash')).toBe('back\\\\slash');
    expect(escapeLike("O'Brien & Sons")).toBe("O'Brien & Sons");
  });

  it('wraps the escaped text for a contains match', () => {
    expect(containsPattern('acme')).toBe('%acme%');
    expect(containsPattern('%')).toBe('%\\%%');
  });
});
