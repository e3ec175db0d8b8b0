import type { Db } from '@/lib/db/client';
import {
  rewrapSealed,
  verifySealed,
  type RotationOptions,
  type SealedStore,
} from '@/lib/crypto/rotate-sealed';
import { sealedEventBatch, writeSealedEventData } from './repository';
import { eventDataContext } from './sealed-data';

/**
 * Master-key rotation for sealed event data (customer.* and payment_method.*
 * events; `npm run vault:rotate` runs it beside the vault's).
 */
export const eventDataStore: SealedStore = {
  name: 'events.sealed_data',
  async batch(tx, after, limit, lock) {
    const rows = await sealedEventBatch(tx, after, limit, lock);
    return rows.map((r) => ({
      id: r.id,
      ciphertext: r.sealedData,
      keyId: r.dataKeyId,
      context: eventDataContext(r.id),
    }));
  },
  write: (tx, id, ciphertext, keyId) =>
    writeSealedEventData(tx, id, { sealedData: ciphertext, dataKeyId: keyId }),
};

export const rewrapEventData = (client: Db, options?: RotationOptions) =>
  rewrapSealed(client, eventDataStore, options);

export const verifyEventData = (client: Db, options?: RotationOptions) =>
  verifySealed(client, eventDataStore, options);
