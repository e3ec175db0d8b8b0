/**
 * The last guard before a processor's response is stored (in
 * transactions.gateway_response) or logged: connectors already answer masked,
 * but a card number or CVC must not get through even if one slips. Keys that
 * name raw card data are dropped; any run of 13-19 digits in a string is masked.
 */
const CARD_KEYS = /^(number|card_?number|pan|cvc|cvv|cvc2|cvv2|exp_?(month|year)|expiry)$/i;
const PAN_LIKE = /\b(?:\d[ -]?){12,18}\d\b/g;

export function maskGatewayRaw(raw: Record<string, unknown>): Record<string, unknown> {
  return mask(raw, 0) as Record<string, unknown>;
}

function mask(value: unknown, depth: number): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return value.replace(PAN_LIKE, '[redacted]');
  if (Array.isArray(value)) return value.map((v) => mask(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !CARD_KEYS.test(k))
        .map(([k, v]) => [k, mask(v, depth + 1)]),
    );
  }
  return value;
}
