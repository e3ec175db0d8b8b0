/**
 * When a failed delivery is tried again (docs/webhooks.md, "Retries"). Times
 * are offsets from the delivery's first attempt, so a delivery spans 3 days
 * whatever the receiver's timeouts:
 *
 *   attempt  1    2    3     4    5    6    7     8     9     10
 *   at       0    1m   5m    30m  2h   5h   10h   24h   48h   72h
 *
 * Each retry gets jitter: up to a tenth of the gap since the previous slot,
 * added, so deliveries that failed together (an outage) do not all come back
 * in the same second. After the 10th attempt the delivery has failed for good;
 * by then its endpoint has been failing for 3 days and is disabled.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const RETRY_OFFSETS_MS = [
  1 * MINUTE,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  24 * HOUR,
  48 * HOUR,
  72 * HOUR,
] as const;

export const MAX_ATTEMPTS = RETRY_OFFSETS_MS.length + 1;

/** An endpoint failing this long (no success in between) is disabled. */
export const FAILING_DISABLE_AFTER_MS = 72 * HOUR;

export const JITTER_SHARE = 0.1;

/**
 * The time of the attempt after `attemptsMade` failed attempts of a delivery
 * first tried at `firstAttemptAt`; never before `now`. Null: no more attempts.
 */
export function nextAttemptAt(
  firstAttemptAt: Date,
  attemptsMade: number,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  if (attemptsMade < 1 || attemptsMade > RETRY_OFFSETS_MS.length) return null;
  const offset = RETRY_OFFSETS_MS[attemptsMade - 1]!;
  const previous = attemptsMade >= 2 ? RETRY_OFFSETS_MS[attemptsMade - 2]! : 0;
  const jitter = Math.floor(random() * JITTER_SHARE * (offset - previous));
  return new Date(Math.max(firstAttemptAt.getTime() + offset + jitter, now.getTime()));
}
