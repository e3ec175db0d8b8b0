import type Redis from 'ioredis';
import { keys, ttl } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { clock } from '@/lib/clock';
import { db, type DbTx } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { log } from '@/lib/log';
import type { Scope } from './accounts';
import { currencyCode, positiveAmount, toNumber } from './amounts';
import { MerchantLimitExceededError } from './errors';

/**
 * Merchant limits (merchants.daily_limit / monthly_limit, seed 001), enforced
 * atomically in PostgreSQL:
 *
 * - Limits are in the merchant's own currency (merchants.currency), per mode,
 *   over UTC days and months. Payments in other currencies are not counted:
 *   without an exchange-rate table there is nothing honest to count them as,
 *   so they neither use nor are refused by the limits (docs/ledger.md).
 * - reserve adds the amount to the day's and the month's usage rows in ONE
 *   upsert, which creates or locks both rows (always day before month, so two
 *   payments never lock them in opposite orders). A concurrent payment waits
 *   on those row locks until this transaction ends, then adds to what this one
 *   left, so two payments can never together pass a limit. If the new usage
 *   exceeds a limit, the same transaction takes the amount back out under the
 *   locks it still holds (nobody else saw it) and throws: the caller may keep
 *   using its transaction (to record the decline) without a stray reservation.
 * - Usage rows are written only while the merchant has a limit; a limit set
 *   mid-month counts from then on.
 *
 * The limits themselves are read through Redis (`merchant:limits:<id>`, one
 * hour, dropped by invalidateMerchantCache on every merchant change) with
 * PostgreSQL as the fallback when Redis cannot answer.
 */
export interface MerchantLimits {
  currency: string;
  daily: number | null;
  monthly: number | null;
}

export interface LimitOptions {
  /** The Redis client; tests pass one that cannot connect to prove the fallback. */
  client?: Redis;
}

/**
 * `tx`: where to read PostgreSQL on a cache miss. Inside a payment it must be
 * the payment's own transaction: borrowing a second pool connection while
 * holding one deadlocks the pool under load.
 */

async function loadLimits(tx: DbTx, merchantId: string): Promise<MerchantLimits | null> {
  const m = await tx.merchant.findUnique({
    where: { id: merchantId },
    select: { currency: true, dailyLimit: true, monthlyLimit: true },
  });
  if (!m) return null;
  return {
    currency: m.currency,
    daily: m.dailyLimit === null ? null : toNumber(m.dailyLimit),
    monthly: m.monthlyLimit === null ? null : toNumber(m.monthlyLimit),
  };
}

export async function getMerchantLimits(
  merchantId: string,
  options: LimitOptions & { tx?: DbTx } = {},
): Promise<MerchantLimits | null> {
  const tx = options.tx ?? db();
  const client = options.client ?? redis();
  const key = keys.merchantLimits(merchantId);
  try {
    const cached = await client.get(key);
    if (cached) return JSON.parse(cached) as MerchantLimits;
  } catch (err) {
    log.warn('merchant limits cache read failed; reading PostgreSQL', { merchantId, err });
    return loadLimits(tx, merchantId);
  }
  const limits = await loadLimits(tx, merchantId);
  if (limits) {
    try {
      await client.set(key, JSON.stringify(limits), 'EX', ttl.merchantLimits);
    } catch (err) {
      log.warn('merchant limits cache write failed', { merchantId, err });
    }
  }
  return limits;
}

/** The UTC day and month an instant falls in, as DATE strings. */
export function limitPeriods(at: Date): { day: string; month: string } {
  const day = at.toISOString().slice(0, 10);
  return { day, month: `${day.slice(0, 7)}-01` };
}

export interface LimitAmount {
  currency: string;
  amount: number;
}

/**
 * Throws MerchantLimitExceededError (and leaves nothing reserved) when a limit
 * would be passed. Returns the limits it read (null: the merchant is unknown),
 * so the fraud rules can weigh the amount against them without reading again.
 */
export async function reserveMerchantLimit(
  tx: DbTx,
  scope: Scope,
  input: LimitAmount & { at?: Date },
  options: LimitOptions = {},
): Promise<MerchantLimits | null> {
  const amount = positiveAmount('amount', input.amount);
  const currency = currencyCode(input.currency);
  const limits = await getMerchantLimits(scope.merchantId, { ...options, tx });
  if (!limits || limits.currency !== currency || (limits.daily === null && limits.monthly === null)) {
    return limits;
  }
  const { day, month } = limitPeriods(input.at ?? clock.now());
  const rows = await tx.$queryRaw<{ period: 'day' | 'month'; used: bigint }[]>`
    INSERT INTO merchant_limit_usage (merchant_id, livemode, currency, period, period_start, used)
    VALUES (${scope.merchantId}::uuid, ${scope.livemode}, ${currency}, 'day', ${day}::date, ${amount}),
           (${scope.merchantId}::uuid, ${scope.livemode}, ${currency}, 'month', ${month}::date, ${amount})
    ON CONFLICT (merchant_id, livemode, currency, period, period_start) DO UPDATE SET
      used = merchant_limit_usage.used + EXCLUDED.used
    RETURNING period, used`;
  const over = rows.find((r) => {
    const limit = r.period === 'day' ? limits.daily : limits.monthly;
    return limit !== null && toNumber(r.used) > limit;
  });
  if (!over) return limits;
  await subtractUsage(tx, scope, currency, day, month, amount);
  throw new MerchantLimitExceededError(
    over.period,
    (over.period === 'day' ? limits.daily : limits.monthly) ?? 0,
    currency,
  );
}

/**
 * Gives back a reservation (a voided or cancelled payment) to the day and
 * month it was made in (`at`: when it was reserved). Never below zero.
 */
export async function releaseMerchantLimit(
  tx: DbTx,
  scope: Scope,
  input: LimitAmount & { at: Date },
): Promise<void> {
  const amount = positiveAmount('amount', input.amount);
  const currency = currencyCode(input.currency);
  const { day, month } = limitPeriods(input.at);
  await subtractUsage(tx, scope, currency, day, month, amount);
}

async function subtractUsage(
  tx: DbTx,
  scope: Scope,
  currency: string,
  day: string,
  month: string,
  amount: number,
): Promise<void> {
  const periods = Prisma.sql`(period = 'day' AND period_start = ${day}::date)
      OR (period = 'month' AND period_start = ${month}::date)`;
  await tx.$executeRaw`
    UPDATE merchant_limit_usage SET used = GREATEST(used - ${amount}, 0)
    WHERE merchant_id = ${scope.merchantId}::uuid AND livemode = ${scope.livemode}
      AND currency = ${currency} AND (${periods})`;
}
