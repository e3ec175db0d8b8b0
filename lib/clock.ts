/**
 * The one source of "now" for code whose behaviour depends on time (session
 * idle timeouts, lockouts, invitation expiry, TOTP steps). Tests move it forward
 * instead of sleeping; production never touches the offset.
 */
let offsetMs = 0;

export const clock = {
  now: (): Date => new Date(Date.now() + offsetMs),
  nowMs: (): number => Date.now() + offsetMs,
};

/** Test helper: shift the clock by `ms` (cumulative). */
export function advanceClockForTests(ms: number): void {
  offsetMs += ms;
}

export function resetClockForTests(): void {
  offsetMs = 0;
}
