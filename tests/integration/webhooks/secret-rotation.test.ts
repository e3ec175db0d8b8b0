import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyring, open, parseKeyring } from '@/lib/crypto/envelope';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { fromPublicId } from '@/lib/api/object-id';
import { rewrapWebhookSecrets, verifyWebhookSecrets } from '@/lib/webhooks/rewrap-secrets';
import { rollWebhookSecret } from '@/lib/webhooks/roll-webhook-secret';
import { secretContext } from '@/lib/webhooks/secrets';
import { insertMerchant, one } from '@/tests/helpers/fixtures';
import { endpointFor } from './helpers';

/**
 * `npm run vault:rotate` also re-wraps webhook signing secrets (current and,
 * during a roll, previous): afterwards they open under the new key alone.
 */
describe('master-key rotation of webhook secrets', () => {
  it('re-wraps current and previous secrets under the new active key; each still opens', async () => {
    const scope = { merchantId: await insertMerchant(), livemode: false };
    const a = await endpointFor(scope, { url: 'https://example.test/a', enabled_events: ['*'] });
    const b = await endpointFor(scope, { url: 'https://example.test/b', enabled_events: ['*'] });
    const rolled = await db().$transaction((tx) =>
      rollWebhookSecret(tx, scope, b.id, { overlapSeconds: 3600 }),
    );
    const old = keyring();
    const newKey = randomBytes(32).toString('base64');
    const rotated = parseKeyring(`${env.ENCRYPTION_KEYS},test-k2:${newKey}`, 'test-k2');

    expect(await verifyWebhookSecrets(db(), { ring: rotated })).toMatchObject({ failed: [], notActive: 3 });
    const result = await rewrapWebhookSecrets(db(), { ring: rotated, batchSize: 1 });
    expect(result).toEqual({ rows: 2, rewrapped: 2, alreadyCurrent: 0, failed: [] });
    expect(await rewrapWebhookSecrets(db(), { ring: rotated })).toMatchObject({
      rewrapped: 0,
      alreadyCurrent: 2,
    });
    expect(await verifyWebhookSecrets(db(), { ring: rotated })).toEqual({
      rows: 2,
      opened: 2,
      notActive: 0,
      failed: [],
    });

    // Without the old key at all.
    const onlyNew = parseKeyring(`test-k2:${newKey}`);
    const row = await one<{
      secret_ciphertext: Buffer;
      secret_key_id: string;
      previous_secret_ciphertext: Buffer;
      previous_secret_key_id: string;
    }>('SELECT * FROM webhook_endpoints WHERE id = $1', [fromPublicId('we', b.id)]);
    const id = fromPublicId('we', b.id)!;
    expect(
      open(row.secret_ciphertext, row.secret_key_id, secretContext(id, 'secret'), onlyNew).toString(),
    ).toBe(rolled.secret);
    expect(
      open(
        row.previous_secret_ciphertext,
        row.previous_secret_key_id,
        secretContext(id, 'previous_secret'),
        onlyNew,
      ).toString(),
    ).toBe(b.secret);
    expect(old.activeId).not.toBe('test-k2');
    expect(a.secret).toMatch(/^whsec_/);
  });
});
