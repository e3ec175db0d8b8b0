/**
 * The only place Redis keys are spelled. Names and TTLs are the design documents'
 * (seed 000 section 3, seed 001 "Cache Key Patterns"); the per-install prefix from
 * REDIS_KEY_PREFIX is added by the client (ioredis keyPrefix), not here.
 */
const HOUR = 3600;
const DAY = 24 * HOUR;

export const ttl = {
  session: DAY,
  merchantProfile: HOUR,
  merchantConfig: HOUR,
  merchantLimits: HOUR,
  paymentMethod: DAY,
  customerPaymentMethods: DAY,
  /** After an attach, detach, update or re-wrap, how long payment method entries are not re-cached. */
  paymentMethodFence: 60,
  fraudScore: 15 * 60,
  /** Declined attempts per card or customer, counted for the fraud rules over this window. */
  fraudDeclines: HOUR,
  velocity: { hour: HOUR, day: DAY, week: 7 * DAY },
  gatewayHealth: 30 * 60,
  routingRules: 30 * 60,
  rateLimitWindow: HOUR,
  dailyStats: DAY,
  /**
   * A positive API-key lookup. Revoking or rolling a key deletes its entry, so
   * this bounds staleness only if that delete is lost (Redis unreachable then).
   */
  apiKeyAuth: 30,
  /**
   * After a revoke or roll, how long a lookup read from PostgreSQL before the
   * change committed is kept from being cached (far longer than any request).
   */
  apiKeyAuthFence: 60,
} as const;

export type VelocityTimeframe = keyof typeof ttl.velocity;

export const keys = {
  session: (sessionId: string) => `session:${sessionId}`,
  /** The set of a user's session ids: "sign out everywhere", the session list. */
  userSessions: (userId: string) => `user:sessions:${userId}`,
  merchantProfile: (merchantId: string) => `merchant:${merchantId}:profile`,
  merchantConfig: (merchantId: string) => `merchant:config:${merchantId}`,
  merchantLimits: (merchantId: string) => `merchant:limits:${merchantId}`,
  paymentMethod: (token: string) => `pm:token:${token}`,
  customerPaymentMethods: (customerId: string) => `customer:pm:${customerId}`,
  /** Set by a change to a payment method: its entry may not be cached while this exists. */
  paymentMethodFence: (token: string) => `pm:token:fence:${token}`,
  customerPaymentMethodsFence: (customerId: string) => `customer:pm:fence:${customerId}`,
  fraudScore: (transactionId: string) => `fraud:score:${transactionId}`,
  /**
   * Declines in the last hour (ours, beside the seed's velocity counters): per
   * customer id, or per card within one merchant and mode by its stored
   * fingerprint (an HMAC, never the number): one merchant's declines never
   * speak about another's customers.
   */
  fraudCustomerDeclines: (customerId: string) => `fraud:declines:customer:${customerId}`,
  fraudCardDeclines: (merchantId: string, livemode: boolean, fingerprint: string) =>
    `fraud:declines:card:${merchantId}:${livemode ? 'live' : 'test'}:${fingerprint}`,
  velocityCount: (customerId: string, timeframe: VelocityTimeframe) => `velocity:${customerId}:${timeframe}:count`,
  velocityAmount: (customerId: string, timeframe: VelocityTimeframe) => `velocity:${customerId}:${timeframe}:amount`,
  gatewayHealth: (gatewayName: string) => `gateway:health:${gatewayName}`,
  routingRules: (merchantId: string) => `routing:rules:${merchantId}`,
  rateLimit: (apiKeyId: string, endpoint: string, window: number) => `rate_limit:${apiKeyId}:${endpoint}:${window}`,
  /** Real-time counters for the dashboard, folded into daily summaries by the worker. */
  dailyStats: (merchantId: string, date: string) => `stats:${merchantId}:${date}`,
  /** The cached lookup of an API key, by its HMAC (never by the key itself). */
  apiKeyAuth: (keyHash: string) => `apikey:auth:${keyHash}`,
  /** Set by a revoke or roll: no lookup of this key may be cached while it exists. */
  apiKeyAuthFence: (keyHash: string) => `apikey:auth:fence:${keyHash}`,
  /** Hash of API key id → last use (epoch ms), flushed to PostgreSQL every minute by the worker. */
  apiKeyLastUsed: () => 'apikey:lastused',
  /** The same hash while one flush reads it (renamed away so new uses start a fresh one). */
  apiKeyLastUsedFlushing: (flushId: string) => `apikey:lastused:flushing:${flushId}`,
  /**
   * Failed pay attempts on hosted checkout (lib/checkout/attempt-limits.ts), per
   * session or per client IP, in fixed windows starting at {window} (Unix seconds).
   */
  checkoutFailures: (kind: 'session' | 'ip', id: string, window: number) => `checkout:failures:${kind}:${id}:${window}`,
  /** Health probe round trip. */
  healthProbe: () => 'health:probe',
  /**
   * A merchant's committed events, both modes (the `livemode` field tells
   * them apart), XADDed by the webhooks relay (MAXLEN ~ 10000) with fields
   * id, type, livemode (0|1), object_id, created; the dashboard reads it to
   * update open pages live. docs/webhooks.md.
   */
  eventStream: (merchantId: string) => `stream:events:${merchantId}`,
} as const;

/** The per-merchant event stream's key (without REDIS_KEY_PREFIX, which ioredis adds). */
export const eventStreamKey = (merchantId: string): string => keys.eventStream(merchantId);

/** Entries kept per merchant stream (approximate trimming, XADD MAXLEN ~). */
export const EVENT_STREAM_MAXLEN = 10_000;
