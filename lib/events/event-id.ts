import { randomBytes } from 'node:crypto';

/**
 * Event ids are time-ordered UUIDs (version 7: 48 bits of milliseconds, then a
 * 12-bit counter, then random bits). Several events of one change share a
 * millisecond (`charge.succeeded` then `payment_intent.succeeded`), and lists
 * order by (created_at, id): with a counter that only grows within the process,
 * events of one transaction list in the order they were recorded, as Stripe
 * sends them, instead of by chance.
 */
let lastMs = 0;
let counter = 0;

export function eventUuid(ms: number): string {
  if (ms > lastMs) {
    lastMs = ms;
    counter = 0;
  } else if (++counter > 0xfff) {
    // More than 4,096 events in one millisecond: borrow the next one.
    lastMs += 1;
    counter = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
