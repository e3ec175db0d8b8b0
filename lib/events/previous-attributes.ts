/**
 * Stripe's `data.previous_attributes` for an `*.updated` event: the fields
 * whose value changed, with the value before. Hashes (metadata, address) are
 * compared key by key, so only their changed keys appear, and a key the update
 * added appears with `null` as its previous value, as at Stripe. Undefined when
 * nothing changed.
 */
type Json = unknown;

const isHash = (v: Json): v is Record<string, Json> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function diff(before: Record<string, Json>, after: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[key] === undefined ? null : before[key];
    const a = after[key] === undefined ? null : after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (!isHash(b) || !isHash(a)) out[key] = b;
    else {
      const inner = diff(b, a);
      if (Object.keys(inner).length > 0) out[key] = inner;
    }
  }
  return out;
}

export function previousAttributes(
  before: Record<string, Json>,
  after: Record<string, Json>,
): Record<string, Json> | undefined {
  const out = diff(before, after);
  return Object.keys(out).length > 0 ? out : undefined;
}
