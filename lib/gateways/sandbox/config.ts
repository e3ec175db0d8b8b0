import { env } from '@/lib/env';

/**
 * How each sandbox processor misbehaves: added latency per call and the share
 * of calls that fail before processing (a retryable error; nothing reaches the
 * book). Defaults come from the environment (lib/env.ts); tests override them
 * in-process with configureSandbox and put them back with resetSandboxConfig.
 *
 * Failures are drawn from a seeded generator per processor, not Math.random,
 * so a test with failureRate 0.3 sees the same sequence on every run
 * (0 and 1 are exact regardless).
 */
export const SANDBOX_GATEWAYS = ['sandbox_alpha', 'sandbox_beta'] as const;
export type SandboxGatewayName = (typeof SANDBOX_GATEWAYS)[number];

export interface SandboxConfig {
  latencyMs: number;
  /** 0..1 */
  failureRate: number;
  /** Seed of the failure draws. */
  seed: number;
}

function fromEnv(name: SandboxGatewayName): SandboxConfig {
  return name === 'sandbox_alpha'
    ? { latencyMs: env.SANDBOX_ALPHA_LATENCY_MS, failureRate: env.SANDBOX_ALPHA_FAILURE_RATE, seed: 1 }
    : { latencyMs: env.SANDBOX_BETA_LATENCY_MS, failureRate: env.SANDBOX_BETA_FAILURE_RATE, seed: 2 };
}

interface State {
  config: SandboxConfig;
  rng: () => number;
}

const states = new Map<SandboxGatewayName, State>();

/** mulberry32: small, fast, and good enough to spread failure draws evenly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function state(name: SandboxGatewayName): State {
  let s = states.get(name);
  if (!s) {
    const config = fromEnv(name);
    s = { config, rng: seededRandom(config.seed) };
    states.set(name, s);
  }
  return s;
}

export function sandboxConfig(name: SandboxGatewayName): SandboxConfig {
  return { ...state(name).config };
}

/** Test and demo hook: change one processor's behaviour in this process (the draws restart from the seed). */
export function configureSandbox(name: SandboxGatewayName, override: Partial<SandboxConfig>): void {
  const config = { ...state(name).config, ...override };
  if (!(config.failureRate >= 0 && config.failureRate <= 1))
    throw new RangeError('failureRate must be within 0..1');
  if (!(Number.isInteger(config.latencyMs) && config.latencyMs >= 0)) {
    throw new RangeError('latencyMs must be a non-negative integer');
  }
  states.set(name, { config, rng: seededRandom(config.seed) });
}

/** Back to the environment's configuration for every processor. */
export function resetSandboxConfig(): void {
  states.clear();
}

/** One draw: does this call fail before processing? */
export function drawFailure(name: SandboxGatewayName): boolean {
  const s = state(name);
  if (s.config.failureRate <= 0) return false;
  if (s.config.failureRate >= 1) return true;
  return s.rng() < s.config.failureRate;
}
