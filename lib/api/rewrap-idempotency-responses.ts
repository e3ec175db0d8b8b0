import { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/client';
import {
  rewrapSealed,
  verifySealed,
  type RotationOptions,
  type SealedStore,
} from '@/lib/crypto/rotate-sealed';
import { responseContext } from './idempotency';

/**
 * Master-key rotation for the sealed first responses of idempotent requests
 * (`idempotency_keys.response_body`, base64 of the sealed bytes while
 * `response_key_id` is set). They live 24 hours, but a replay within that time
 * must still open once the old master key is gone.
 */
export const idempotencyResponseStore: SealedStore = {
  name: 'idempotency_keys.response_body',
  async batch(tx, after, limit, lock) {
    const rows = await tx.$queryRaw<
      { id: string; merchantId: string; livemode: boolean; key: string; body: string; keyId: string }[]
    >`
      SELECT id::text AS id, merchant_id::text AS "merchantId", livemode, idempotency_key AS key,
             response_body AS body, response_key_id AS "keyId"
      FROM idempotency_keys
      WHERE response_key_id IS NOT NULL ${after ? Prisma.sql`AND id > ${after}::uuid` : Prisma.empty}
      ORDER BY id LIMIT ${limit} ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
    return rows.map((r) => ({
      id: r.id,
      ciphertext: Buffer.from(r.body, 'base64'),
      keyId: r.keyId,
      context: responseContext({ merchantId: r.merchantId, livemode: r.livemode, key: r.key }),
    }));
  },
  async write(tx, id, ciphertext, keyId) {
    await tx.idempotencyKey.update({
      where: { id },
      data: { responseBody: ciphertext.toString('base64'), responseKeyId: keyId },
      select: { id: true },
    });
  },
};

export const rewrapIdempotencyResponses = (client: Db, options?: RotationOptions) =>
  rewrapSealed(client, idempotencyResponseStore, options);

export const verifyIdempotencyResponses = (client: Db, options?: RotationOptions) =>
  verifySealed(client, idempotencyResponseStore, options);
