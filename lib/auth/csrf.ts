import { timingSafeEqual } from 'node:crypto';

/**
 * CSRF: every state-changing dashboard request carries the session's token —
 * server actions in a hidden `csrf_token` field (components/auth/csrf-field.tsx),
 * route handlers in the `x-csrf-token` header. SameSite=Lax cookies and Next's
 * own Origin check on server actions are the first two layers; this is the third,
 * and the one that also covers plain route handlers.
 */
export const CSRF_FIELD = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';

export function csrfTokenMatches(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string' || presented.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(presented), Buffer.from(expected));
}
