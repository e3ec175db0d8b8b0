import type { Db } from '@/lib/db/client';
import {
  rewrapSealedStores,
  verifySealedStores,
  type RotationOptions,
  type SealedStore,
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
export const rewrapWebhookSecrets = (client: Db, options?: RotationOptions) =>
  rewrapSealedStores(client, webhookSecretStores, options);

export const verifyWebhookSecrets = (client: Db, options?: RotationOptions) =>
  verifySealedStores(client, webhookSecretStores, options);
