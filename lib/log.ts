import { env } from '@/lib/env';

/**
 * Structured JSON logs on stdout. Secrets never reach a log line: known secret
 * fields are masked and anything that looks like a card number or an API key is
 * scrubbed from strings before printing.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const SECRET_FIELDS = /pass(word)?|secret|token|api_?key|authorization|cookie|card|number|cvc|cvv|pan|encrypted|hash/i;
const PAN_LIKE = /\b(?:\d[ -]?){13,19}\b/g;
const KEY_LIKE = /\b(sk|rk|whsec)_(test|live)?_?[A-Za-z0-9]{8,}\b/g;

// UUIDs can hold 13+ digits between their dashes; they are ids, not card numbers.
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

function scrub(text: string): string {
  return text.replace(PAN_LIKE, '[redacted]').replace(KEY_LIKE, '$1_[redacted]');
}

/** Card numbers and API keys scrubbed from a string, UUIDs left whole. */
export function scrubString(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(UUID)) {
    out += scrub(text.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + scrub(text.slice(at));
}

/** Whether a field of this name is masked whole (its value never printed or stored). */
export function isSecretField(name: string): boolean {
  return SECRET_FIELDS.test(name);
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[depth]';
  if (typeof value === 'string') return scrubString(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return { name: value.name, message: redact(value.message, depth + 1) };
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? '[redacted]' : redact(v, depth + 1)]),
    );
  }
  return value;
}

function write(level: Level, msg: string, fields?: Record<string, unknown>): void {
  if (order[level] < order[env.LOG_LEVEL]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...(redact(fields ?? {}) as object) });
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};
