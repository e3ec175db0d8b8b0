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
  fraudScore: 15 * 60,
  velocity: { hour: HOUR, day: DAY, week: 7 * DAY },
  gatewayHealth: 30 * 60,
  routingRules: 30 * 60,
  rateLimitWindow: HOUR,
  dailyStats: DAY,
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
  fraudScore: (transactionId: string) => `fraud:score:${transactionId}`,
  velocityCount: (customerId: string, timeframe: VelocityTimeframe) => `velocity:${customerId}:${timeframe}:count`,
  velocityAmount: (customerId: string, timeframe: VelocityTimeframe) => `velocity:${customerId}:${timeframe}:amount`,
  gatewayHealth: (gatewayName: string) => `gateway:health:${gatewayName}`,
  routingRules: (merchantId: string) => `routing:rules:${merchantId}`,
  rateLimit: (apiKeyId: string, endpoint: string, window: number) => `rate_limit:${apiKeyId}:${endpoint}:${window}`,
  /** Real-time counters for the dashboard, folded into daily summaries by the worker. */
  dailyStats: (merchantId: string, date: string) => `stats:${merchantId}:${date}`,
  /** Health probe round trip. */
  healthProbe: () => 'health:probe',
} as const;
