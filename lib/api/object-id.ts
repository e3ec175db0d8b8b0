import { resourceMissing } from './errors';
/**
 * Stripe-style public ids over our UUID primary keys: `cus_` + the UUID's 128
 * bits in base62 (22 characters). Encoding is reversible, so no lookup table is
 * needed, and a malformed id decodes to null, which callers answer with the same
 * "No such …" as an id that does not exist.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LENGTH = 22;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type ObjectPrefix = 'cus' | 'pi' | 'pm' | 'ch' | 're' | 'dp' | 'evt' | 'we' | 'cs' | 'li' | 'file' | 'txn';

export function toPublicId(prefix: ObjectPrefix, uuid: string): string {
  let n = BigInt(`0x${uuid.replace(/-/g, '')}`);
  let out = '';
  for (let i = 0; i < LENGTH; i++) {
    out = ALPHABET[Number(n % 62n)] + out;
    n /= 62n;
  }
  return `${prefix}_${out}`;
}

export function fromPublicId(prefix: ObjectPrefix, id: string): string | null {
  if (typeof id !== 'string' || !id.startsWith(`${prefix}_`)) return null;
  const body = id.slice(prefix.length + 1);
  if (body.length !== LENGTH) return null;
  let n = 0n;
  for (const ch of body) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return null;
    n = n * 62n + BigInt(digit);
  }
  if (n >= 1n << 128n) return null;
  const hex = n.toString(16).padStart(32, '0');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return UUID.test(uuid) ? uuid : null;
}

/**
 * A list filter naming an object (`customer=cus_…`): its UUID, undefined when
 * the filter is absent, and "No such <label>" (404, `param` = the filter) when
 * the value is not an id of that kind.
 */
export function filterId(
  prefix: ObjectPrefix,
  value: string | undefined,
  label: string,
  param: string,
): string | undefined {
  if (value === undefined) return undefined;
  const id = fromPublicId(prefix, value);
  if (!id) throw resourceMissing(label, value, param);
  return id;
}
