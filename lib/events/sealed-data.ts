import { open, seal } from '@/lib/crypto/envelope';

/**
 * Events about objects whose personal data is sealed in their own tables
 * (customers: name, phone, address, shipping; payment methods: billing
 * details) would otherwise keep that data in clear in `events.data` for the
 * whole retention. Their data is sealed with the envelope module instead,
 * bound to the event's id; `events.data` keeps only the object's id and type
 * (enough for the relay's stream, the lists and the payment timeline).
 */
const SEALED_OBJECTS = new Set(['customer', 'payment_method']);

export const eventDataContext = (eventId: string) => `events.data:${eventId}`;

export function needsSealing(object: Record<string, unknown>): boolean {
  return typeof object.object === 'string' && SEALED_OBJECTS.has(object.object);
}

/** The stub kept in clear: the object's id and type. */
export function stubOf(object: Record<string, unknown>): { object: { id: unknown; object: unknown } } {
  return { object: { id: object.id ?? null, object: object.object } };
}

export function sealEventData(eventId: string, data: Record<string, unknown>) {
  const sealed = seal(JSON.stringify(data), eventDataContext(eventId));
  return { sealedData: new Uint8Array(sealed.ciphertext), dataKeyId: sealed.keyId };
}

export function openEventData(eventId: string, sealed: Uint8Array, keyId: string): Record<string, unknown> {
  return JSON.parse(open(sealed, keyId, eventDataContext(eventId)).toString('utf8')) as Record<
    string,
    unknown
  >;
}
