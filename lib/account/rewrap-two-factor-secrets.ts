import { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/client';
import { totpContext } from '@/lib/auth/sign-in';
import {
  rewrapSealed,
  verifySealed,
  type RotationOptions,
  type SealedStore,
} from '@/lib/crypto/rotate-sealed';

/**
 * Master-key rotation for the users' sealed TOTP secrets
 * (`users.totp_secret_encrypted`, bound to the user's id; two-factor-secret.ts
 * seals and opens them). `npm run vault:rotate` runs it with the vault's.
 */
export const totpSecretStore: SealedStore = {
  name: 'users.totp_secret_encrypted',
  async batch(tx, after, limit, lock) {
    const rows = await tx.$queryRaw<{ id: string; ciphertext: Uint8Array; keyId: string }[]>`
      SELECT user_id::text AS id, totp_secret_encrypted AS ciphertext, totp_key_id AS "keyId" FROM users
      WHERE totp_secret_encrypted IS NOT NULL AND totp_key_id IS NOT NULL
        ${after ? Prisma.sql`AND user_id > ${after}::uuid` : Prisma.empty}
      ORDER BY user_id LIMIT ${limit} ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
    return rows.map((r) => ({ ...r, context: totpContext(r.id) }));
  },
  async write(tx, id, ciphertext, keyId) {
    await tx.user.update({
      where: { userId: id },
      data: { totpSecretEncrypted: new Uint8Array(ciphertext), totpKeyId: keyId },
      select: { userId: true },
    });
  },
};

export const rewrapTwoFactorSecrets = (client: Db, options?: RotationOptions) =>
  rewrapSealed(client, totpSecretStore, options);

export const verifyTwoFactorSecrets = (client: Db, options?: RotationOptions) =>
  verifySealed(client, totpSecretStore, options);
