import { describe, expect, it } from 'vitest';
import { eventUuid } from './event-id';

describe('eventUuid', () => {
  it('is a version 7 UUID that sorts in the order it was made, within one millisecond too', () => {
    const ms = Date.UTC(2026, 10, 21);
    const ids = Array.from({ length: 5000 }, () => eventUuid(ms));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // A clock that goes back (tests reset it) still yields later ids.
    const after = eventUuid(ms - 60_000);
    expect(after > ids.at(-1)!).toBe(true);
  });
});
