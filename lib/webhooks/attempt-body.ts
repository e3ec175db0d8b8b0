import { open, seal } from '@/lib/crypto/envelope';
import type { SealedStore } from '@/lib/crypto/rotate-sealed';
import { sealedAttemptBodyBatch, writeSealedAttemptBody } from './deliveries-repository';

/**
 * A webhook attempt's request body at rest: the event JSON as delivered, which
 * may hold a customer's name, address or billing details, sealed with the
 * envelope module and bound to its delivery and attempt number. Stored as
 * base64 in `request_body` with the key id in `request_body_key_id`; rows
 * without a key id are plain text.
 */
export const attemptBodyContext = (deliveryId: string, attempt: number) =>
  `webhook_delivery_attempts.request_body:${deliveryId}:${attempt}`;

export function sealAttemptBody(deliveryId: string, attempt: number, body: string) {
  const sealed = seal(body, attemptBodyContext(deliveryId, attempt));
  return { requestBody: sealed.ciphertext.toString('base64'), requestBodyKeyId: sealed.keyId };
}

export function openAttemptBody(row: {
  deliveryId: string;
  attempt: number;
  requestBody: string;
  requestBodyKeyId: string | null;
}): string {
  if (row.requestBodyKeyId === null) return row.requestBody;
  return open(
    Buffer.from(row.requestBody, 'base64'),
    row.requestBodyKeyId,
    attemptBodyContext(row.deliveryId, row.attempt),
  ).toString('utf8');
}

/** Master-key rotation of the sealed bodies (`npm run vault:rotate`). */
export const attemptBodyStore: SealedStore = {
  name: 'webhook_delivery_attempts.request_body',
  async batch(tx, after, limit, lock) {
    const rows = await sealedAttemptBodyBatch(tx, after, limit, lock);
    return rows.map((r) => ({
      id: r.id,
      ciphertext: Buffer.from(r.requestBody, 'base64'),
      keyId: r.requestBodyKeyId,
      context: attemptBodyContext(r.deliveryId, r.attempt),
    }));
  },
  write: (tx, id, ciphertext, keyId) => writeSealedAttemptBody(tx, id, ciphertext.toString('base64'), keyId),
};
