import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealTotpSecret } from '@/lib/account/two-factor-secret';
import { rewrapTwoFactorSecrets, verifyTwoFactorSecrets } from '@/lib/account/rewrap-two-factor-secrets';
import { responseContext } from '@/lib/api/idempotency';
import {
  rewrapIdempotencyResponses,
  verifyIdempotencyResponses,
} from '@/lib/api/rewrap-idempotency-responses';
import { keyring, open, parseKeyring, seal } from '@/lib/crypto/envelope';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { insertIdempotencyKey, insertMerchant, insertUser, one } from '@/tests/helpers/fixtures';

/**
 * `npm run vault:rotate` beyond the card vault: users' two-factor secrets and
 * the sealed first responses of idempotent requests move to the new active
 * master key and still open without the old one.
 */
function rotatedRings(id: string) {
  const fresh = randomBytes(32).toString('base64');
  return {
    rotated: parseKeyring(`${env.ENCRYPTION_KEYS},${id}:${fresh}`, id),
    newOnly: parseKeyring(`${id}:${fresh}`),
  };
}

describe('vault:rotate: two-factor secrets and idempotent responses', () => {
  it('re-wraps TOTP secrets; they open without the old key and still give the same secret', async () => {
    const userIds = [await insertUser(), await insertUser()];
    for (const [i, userId] of userIds.entries()) {
      const sealed = sealTotpSecret(userId, `JBSWY3DPEHPK3PX${i}`);
      await db().user.update({ where: { userId }, data: sealed });
    }
    const { rotated, newOnly } = rotatedRings('test-totp2');

    const result = await rewrapTwoFactorSecrets(db(), { ring: rotated, batchSize: 1 });
    expect(result.failed).toEqual([]);
    expect(result.rewrapped).toBeGreaterThanOrEqual(2);
    for (const [i, userId] of userIds.entries()) {
      const row = await one(
        'SELECT totp_secret_encrypted AS c, totp_key_id AS k FROM users WHERE user_id = $1',
        [userId],
      );
      expect(row.k).toBe('test-totp2');
      expect(open(row.c as Buffer, 'test-totp2', `users.totp:${userId}`, newOnly).toString()).toBe(
        `JBSWY3DPEHPK3PX${i}`,
      );
    }
    const check = await verifyTwoFactorSecrets(db(), { ring: newOnly });
    expect(check.failed).toEqual([]);
    expect(check.opened).toBe(check.rows);
    // A second run has nothing left to do.
    expect((await rewrapTwoFactorSecrets(db(), { ring: rotated })).rewrapped).toBe(0);
    // The old keyring alone cannot open them any more, and says which.
    const old = await verifyTwoFactorSecrets(db(), { ring: keyring() });
    expect(old.failed).toEqual(expect.arrayContaining(userIds));
  });

  it('re-wraps stored idempotent responses bound to their merchant, mode and key', async () => {
    const merchantId = await insertMerchant();
    const key = `idem-${randomBytes(6).toString('hex')}`;
    const body = JSON.stringify({ id: 'cus_x', name: 'Ada Lovelace' });
    const sealed = seal(body, responseContext({ merchantId, livemode: false, key }));
    const id = await insertIdempotencyKey(merchantId, {
      idempotency_key: key,
      response_body: sealed.ciphertext.toString('base64'),
      response_key_id: sealed.keyId,
    });
    const { rotated, newOnly } = rotatedRings('test-idem2');

    const result = await rewrapIdempotencyResponses(db(), { ring: rotated, batchSize: 2 });
    expect(result.failed).toEqual([]);
    const row = await one(
      'SELECT response_body AS b, response_key_id AS k FROM idempotency_keys WHERE id = $1',
      [id],
    );
    expect(row.k).toBe('test-idem2');
    const opened = open(
      Buffer.from(row.b as string, 'base64'),
      'test-idem2',
      responseContext({ merchantId, livemode: false, key }),
      newOnly,
    );
    expect(opened.toString()).toBe(body);
    const check = await verifyIdempotencyResponses(db(), { ring: newOnly });
    expect(check.failed).toEqual([]);
    expect(check.notActive).toBe(0);
  });
});
