import type { Db } from '@/lib/db/client';
import {
  rewrapSealed,
  verifySealed,
  type RotationOptions,
  type SealedRotationResult,
  type SealedStore,
  type SealedVerifyResult,
} from '@/lib/crypto/rotate-sealed';
import { sealedSecretSlotBatch, writeSealedSecrets } from './repository';
import { secretContext, type SecretSlot } from './secrets';

/**
 * Master-key rotation for endpoint signing secrets (`npm run vault:rotate`):
 * one store per slot, the current secret and, during a roll, the previous one.
 */
function secretStore(slot: SecretSlot): SealedStore {
  return {
    name: `webhook_endpoints.${slot}_ciphertext`,
    async batch(tx, after, limit, lock) {
      const rows = await sealedSecretSlotBatch(tx, slot, after, limit, lock);
      return rows.map((r) => ({ ...r, context: secretContext(r.id, slot) }));
    },
    write: (tx, id, ciphertext, keyId) =>
      writeSealedSecrets(
        tx,
        id,
        slot === 'secret'
          ? { secretCiphertext: new Uint8Array(ciphertext), secretKeyId: keyId }
          : { previousSecretCiphertext: new Uint8Array(ciphertext), previousSecretKeyId: keyId },
      ),
  };
}

export const webhookSecretStores: SealedStore[] = [secretStore('secret'), secretStore('previous_secret')];

/** Both slots, counted together (rows = sealed secrets). */
export async function rewrapWebhookSecrets(client: Db, options?: RotationOptions): Promise<SealedRotationResult> {
  const total: SealedRotationResult = { rows: 0, rewrapped: 0, alreadyCurrent: 0, failed: [] };
  for (const store of webhookSecretStores) {
    const r = await rewrapSealed(client, store, options);
    total.rows += r.rows;
    total.rewrapped += r.rewrapped;
    total.alreadyCurrent += r.alreadyCurrent;
    total.failed.push(...r.failed);
  }
  return total;
}

export async function verifyWebhookSecrets(client: Db, options?: RotationOptions): Promise<SealedVerifyResult> {
  const total: SealedVerifyResult = { rows: 0, opened: 0, notActive: 0, failed: [] };
  for (const store of webhookSecretStores) {
    const r = await verifySealed(client, store, options);
    total.rows += r.rows;
    total.opened += r.opened;
    total.notActive += r.notActive;
    total.failed.push(...r.failed);
  }
  return total;
}
