import { env } from '@/lib/env';

const DAY_MS = 86_400_000;

/**
 * When a charge's funds become available (Stripe's available_on): the charge
 * time plus BALANCE_AVAILABLE_DELAY_DAYS whole days (default 2; 0 means at
 * once). The worker releases due funds every five minutes, so a balance moves
 * at most that long after available_on.
 */
export function availableOnFor(createdAt: Date, delayDays = env.BALANCE_AVAILABLE_DELAY_DAYS): Date {
  return new Date(createdAt.getTime() + delayDays * DAY_MS);
}
