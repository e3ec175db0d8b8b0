import { z } from 'zod';

/**
 * The one place that reads process.env. Everything is validated when this module
 * loads (the app's instrumentation hook, the worker and every script import it
 * first), so a bad configuration stops the process at boot with a readable message
 * instead of failing on the first request that happens to need the value.
 */

// `next build` evaluates route modules to collect page data without a database;
// only then is DATABASE_URL allowed to be missing.
const isBuildPhase = process.env.NEXT_PHASE === 'phase-production-build';

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);

// Secrets the running app cannot do without; only `next build` may lack them.
const runtimeSecret = (schema: z.ZodString) => (isBuildPhase ? schema.optional() : schema);

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const latencyMs = z.coerce.number().int().min(0).max(60_000).default(0);
const failureRate = z.coerce.number().min(0).max(1).default(0);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: isBuildPhase ? url(['postgres:', 'postgresql:']).optional() : url(['postgres:', 'postgresql:']),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  /** Prepended to every Redis key; lets test runs and several installs share one Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]*$/, 'may only contain letters, digits, ":", "_" and "-"')
    .default(''),
  ELASTICSEARCH_URL: url(['http:', 'https:']).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For
   * (lib/http/client-address.ts). 0: the app faces clients directly and a
   * client's own X-Forwarded-For is ignored.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Open live-update streams (one Redis connection each) one app process serves. */
  LIVE_STREAMS_PER_PROCESS: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Public base URL, used in links we hand out (checkout urls, webhook logs). */
  APP_URL: url(['http:', 'https:']).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Size of the PostgreSQL pool of one process (app or worker). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),

  /** Signs the dashboard's session cookie (next-auth) and keys the recovery-code hashes. */
  AUTH_SECRET: runtimeSecret(z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)')),
  /**
   * Master keys for envelope encryption (lib/crypto/envelope.ts), as
   * `id:base64key,id:base64key` with 32-byte keys. Old ids stay listed until every
   * record has been re-wrapped; ENCRYPTION_ACTIVE_KEY_ID names the one used for new data.
   */
  ENCRYPTION_KEYS: runtimeSecret(z.string().min(1)),
  /**
   * Keys the HMAC-SHA256 under which API keys are stored (merchant_api_keys.key_hash).
   * Changing it invalidates every issued API key.
   */
  API_KEY_HMAC_SECRET: runtimeSecret(
    z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)'),
  ),
  /**
   * Keys the HMAC-SHA256 that card fingerprints are (payment_methods_vault.fingerprint):
   * the same card gives the same fingerprint, and without this secret a fingerprint
   * cannot be matched against guessed card numbers. Changing it changes every
   * fingerprint (duplicate detection then sees old and new cards as different).
   */
  CARD_FINGERPRINT_SECRET: runtimeSecret(
    z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)'),
  ),
  ENCRYPTION_ACTIVE_KEY_ID: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/).optional(),
  /** Dashboard sessions end after this many idle minutes (and always after 24 h). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /**
   * Demo/development conveniences: the development mailbox page that shows the
   * outgoing mail. `npm start` turns it on; real deployments leave it off.
   */
  DEMO_MODE: booleanFlag.default(false),
  /**
   * /v1 rate limits: requests per second per API key and endpoint (Stripe's
   * defaults: 100 in live mode, 25 in test mode). The rest of the policy is in
   * lib/api/rate-limit-policy.ts.
   */
  API_RATE_LIMIT_LIVE: z.coerce.number().int().min(1).max(100_000).default(100),
  API_RATE_LIMIT_TEST: z.coerce.number().int().min(1).max(100_000).default(25),
  /**
   * Hosted checkout against card testing (lib/api/rate-limit-policy.ts): after
   * this many failed pay attempts (declines, invalid cards) on one session, or
   * from one client IP, within the window, further attempts are refused for a while.
   */
  CHECKOUT_FAILURES_PER_SESSION: z.coerce.number().int().min(1).max(10_000).default(5),
  CHECKOUT_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(20),
  CHECKOUT_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  /**
   * Fraud rules (lib/fraud, docs/fraud.md): payment attempts by one customer
   * in an hour / a day from which velocity raises the risk score.
   */
  FRAUD_HOURLY_ATTEMPTS: z.coerce.number().int().min(1).max(100_000).default(5),
  FRAUD_DAILY_ATTEMPTS: z.coerce.number().int().min(1).max(1_000_000).default(20),
  /** How long a payment waits for the fraud counters in Redis before it is assessed without them. */
  FRAUD_SIGNALS_BUDGET_MS: z.coerce.number().int().min(5).max(5_000).default(150),
  /** How long Developers → Logs keeps each /v1 request. */
  API_REQUEST_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(400).default(30),
  /**
   * How long /v1/events keeps each event (Stripe keeps 30 days, so never less).
   * Events a webhook delivery still needs are kept until it is done.
   */
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(30).max(400).default(30),

  /**
   * The sandbox gateways (lib/gateways/sandbox): added latency per call, and the
   * share of calls (0..1) that fail before processing with a retryable error,
   * so routing, health and failover run for real. See docs/gateways.md.
   */
  SANDBOX_ALPHA_LATENCY_MS: latencyMs,
  SANDBOX_ALPHA_FAILURE_RATE: failureRate,
  SANDBOX_BETA_LATENCY_MS: latencyMs,
  SANDBOX_BETA_FAILURE_RATE: failureRate,
  /**
   * Days a charge's funds stay pending before they become available (Stripe's
   * available_on); 0 makes them available at once. docs/ledger.md.
   */
  BALANCE_AVAILABLE_DELAY_DAYS: z.coerce.number().int().min(0).max(90).default(2),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  // Empty strings from shells and .env files mean "unset".
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const env: Env = load();

/** The database URL, for code that runs only outside `next build`. */
export function databaseUrl(): string {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  return env.DATABASE_URL;
}

export function appUrl(): string {
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}
