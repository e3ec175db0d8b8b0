import type Redis from 'ioredis';
import { keys, ttl } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import type { Assessment, DeclineSignals, VelocitySignals } from './score';

/**
 * The Redis side of the fraud check. Redis is a cache here like everywhere
 * (lib/cache/redis.ts): counters are a signal, never a reason to fail or slow
 * a payment. Reads are ONE pipeline with a time budget; when Redis is down or
 * slow the rules that need it are skipped (a neutral contribution). Writes
 * are fire-and-forget after the outcome is known.
 */
export interface Signals {
  velocity: VelocitySignals | null;
  declines: DeclineSignals | null;
}

export interface SignalOptions {
  /** Tests pass a client that cannot connect to prove the fallback. */
  client?: Redis;
  /** How long the payment waits for the counters at most (FRAUD_SIGNALS_BUDGET_MS). */
  budgetMs?: number;
}

const NONE: Signals = { velocity: null, declines: null };

const int = (value: unknown) => {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : 0;
  return Number.isFinite(n) ? n : 0;
};

/**
 * The customer's velocity counters (seed 001's `velocity:{customer}:{timeframe}:*`,
 * written by lib/ledger/record-velocity.ts) and the hour's declines for the
 * customer and the card, in one MGET. Without a customer, velocity is all zeros
 * (nothing to count against) and only the card's declines are read.
 */
export async function readSignals(
  scope: { merchantId: string; livemode: boolean },
  customerId: string | null,
  fingerprint: string,
  options: SignalOptions = {},
): Promise<Signals> {
  const client = options.client ?? redis();
  const velocityKeys = customerId
    ? (['hour', 'day', 'week'] as const).flatMap((t) => [
        keys.velocityCount(customerId, t),
        keys.velocityAmount(customerId, t),
      ])
    : [];
  const declineKeys = [
    keys.fraudCardDeclines(scope.merchantId, scope.livemode, fingerprint),
    ...(customerId ? [keys.fraudCustomerDeclines(customerId)] : []),
  ];
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), options.budgetMs ?? env.FRAUD_SIGNALS_BUDGET_MS);
  });
  try {
    const values = await Promise.race([client.mget(...velocityKeys, ...declineKeys), budget]);
    if (values === null) {
      log.warn('fraud signals not read in time; assessing without them', { customerId });
      return NONE;
    }
    const v = values.slice(0, velocityKeys.length).map(int);
    const d = values.slice(velocityKeys.length).map(int);
    return {
      velocity: {
        hourCount: v[0] ?? 0,
        hourAmount: v[1] ?? 0,
        dayCount: v[2] ?? 0,
        dayAmount: v[3] ?? 0,
        weekCount: v[4] ?? 0,
        weekAmount: v[5] ?? 0,
      },
      declines: { card: d[0] ?? 0, customer: d[1] ?? 0 },
    };
  } catch (err) {
    log.warn('fraud signals unavailable; assessing without them', { customerId, err });
    return NONE;
  } finally {
    clearTimeout(timer);
  }
}

export interface Remembered {
  scope: { merchantId: string; livemode: boolean };
  paymentId: string;
  /** Absent when the attempt was assessed earlier (a 3-D Secure completion): only the decline counts. */
  assessment?: Assessment;
  customerId: string | null;
  fingerprint: string;
  /** The attempt was declined (by the issuer or blocked by us): it counts as a recent decline. */
  declined: boolean;
}

/**
 * After the attempt: `fraud:score:{transaction_id}` (15 minutes, seed 001)
 * and, for a decline, the hour's decline counters, in one pipeline. Best
 * effort and not awaited by the payment: a lost write only weakens a later signal.
 */
export async function rememberAssessment(input: Remembered, options: { client?: Redis } = {}): Promise<void> {
  const client = options.client ?? redis();
  try {
    const { assessment } = input;
    const pipe = client.multi();
    if (assessment) {
      pipe.set(
        keys.fraudScore(input.paymentId),
        JSON.stringify({
          score: assessment.score,
          risk_level: assessment.riskLevel,
          decision: assessment.decision,
          rules: assessment.rules,
        }),
        'EX',
        ttl.fraudScore,
      );
    }
    if (input.declined) {
      const counters = [
        keys.fraudCardDeclines(input.scope.merchantId, input.scope.livemode, input.fingerprint),
        ...(input.customerId ? [keys.fraudCustomerDeclines(input.customerId)] : []),
      ];
      for (const key of counters) pipe.incr(key).expire(key, ttl.fraudDeclines);
    }
    if (pipe.length === 0) return;
    const results = await pipe.exec();
    const failed = results?.find(([err]) => err)?.[0];
    if (failed) throw failed;
  } catch (err) {
    log.warn('fraud assessment not cached', { paymentId: input.paymentId, err });
  }
}
