import { resourceMissing } from '@/lib/api/errors';
import type { Scope } from './repository';
import { parseCheckoutSessionId } from './session-id';

/**
 * The session UUID behind `cs_…` for this caller, or Stripe's "No such
 * checkout.session" — for a malformed id, an id of the other mode and
 * another merchant's session alike.
 */
export function sessionUuidFrom(publicId: string, scope: Scope): string {
  const parsed = parseCheckoutSessionId(publicId);
  if (!parsed || parsed.livemode !== scope.livemode) throw sessionMissing(publicId);
  return parsed.uuid;
}

export const sessionMissing = (publicId: string, param = 'session') =>
  resourceMissing('checkout.session', publicId, param);

export function foundSession<T>(publicId: string, result: T | null): T {
  if (result === null) throw sessionMissing(publicId);
  return result;
}
