import { fromPublicId, toPublicId } from '@/lib/api/object-id';

/**
 * Checkout Session ids look like Stripe's (`cs_test_a1…`, `cs_live_b2…`): the
 * mode, then the row's UUID in base62 (lib/api/object-id.ts). The mode in the
 * id lets the public page (which has no API key) know which data it addresses,
 * and an id of one mode is "not found" in the other.
 */
export function checkoutSessionId(uuid: string, livemode: boolean): string {
  return `cs_${livemode ? 'live' : 'test'}_${toPublicId('cs', uuid).slice(3)}`;
}

export interface ParsedSessionId {
  uuid: string;
  livemode: boolean;
}

/** The UUID and mode behind `cs_test_…`/`cs_live_…`; null for anything malformed. */
export function parseCheckoutSessionId(id: string): ParsedSessionId | null {
  const match = /^cs_(test|live)_([0-9A-Za-z]{22})$/.exec(typeof id === 'string' ? id : '');
  if (!match) return null;
  const uuid = fromPublicId('cs', `cs_${match[2]}`);
  return uuid ? { uuid, livemode: match[1] === 'live' } : null;
}

/** Line items: `li_` + UUID, as Stripe's `item` objects. */
export const lineItemId = (uuid: string) => toPublicId('li', uuid);
export const lineItemUuid = (id: string) => fromPublicId('li', id);
