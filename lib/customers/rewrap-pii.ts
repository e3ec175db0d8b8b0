import type { Db } from '@/lib/db/client';
import {
  rewrapSealed,
  verifySealed,
  type RotationOptions,
  type SealedStore,
} from '@/lib/crypto/rotate-sealed';
import { piiContext } from './pii';
import { sealedPiiBatch, writeSealedPii } from './repository';

/**
 * Master-key rotation for customers' sealed PII (same envelope module as the
 * card vault; `npm run vault:rotate` runs both).
 */
export const customerPiiStore: SealedStore = {
  name: 'customers.encrypted_pii',
  async batch(tx, after, limit, lock) {
    const rows = await sealedPiiBatch(tx, after, limit, lock);
    return rows.map((r) => ({
      id: r.id,
      ciphertext: r.encryptedPii,
      keyId: r.encryptionKeyId,
      context: piiContext(r.id),
    }));
  },
  write: (tx, id, ciphertext, keyId) => writeSealedPii(tx, id, new Uint8Array(ciphertext), keyId),
};

export const rewrapCustomerPii = (client: Db, options?: RotationOptions) =>
  rewrapSealed(client, customerPiiStore, options);

export const verifyCustomerPii = (client: Db, options?: RotationOptions) =>
  verifySealed(client, customerPiiStore, options);
