import type { Task } from 'graphile-worker';
import { expireDueSessions } from '@/lib/checkout/expire-due-sessions';

/** Open Checkout Sessions past their expires_at (lib/checkout/expire-due-sessions.ts). */
export const expireCheckoutSessions: Task = async (_payload, helpers) => {
  const expired = await expireDueSessions();
  if (expired > 0) helpers.logger.info(`expired ${expired} checkout sessions`);
};
