import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyring, open, parseKeyring } from '@/lib/crypto/envelope';
import { createCustomer } from '@/lib/customers/create-customer';
import { rewrapCustomerPii, verifyCustomerPii } from '@/lib/customers/rewrap-pii';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import {
  createCardPaymentMethod,
  getPaymentMethodObject,
  openCardForAuthorization,
  rewrapVault,
  verifyVault,
} from '@/lib/vault';
import { cardContext } from '@/lib/vault/sealing';
import { one, query } from '@/tests/helpers/fixtures';
import { actorForNewMerchant, EXP, randomVisa } from './helpers';

/**
 * Master-key rotation with two keys in the keyring: records sealed under the
 * configured key (test-k1) are re-wrapped under a new active key, every record
 * still opens, and then opens without the old key at all.
 */
describe('npm run vault:rotate (rewrapVault, rewrapCustomerPii)', () => {
  it('re-wraps every record under the new active key and proves each still decrypts', async () => {
    const actor = await actorForNewMerchant();
    const scope = { merchantId: actor.merchantId, livemode: false };
    const cards = Array.from({ length: 7 }, () => randomVisa());
    const tokens: string[] = [];
    for (const [i, number] of cards.entries()) {
      const pm = await createCardPaymentMethod(db(), scope, {
        number,
        expMonth: EXP.exp_month,
        expYear: EXP.exp_year,
        cvc: '123',
        billingDetails: i % 2 === 0 ? { name: `Holder ${i}` } : undefined,
        source: 'api',
      });
      tokens.push(pm.id);
    }
    await createCustomer(db(), scope, { name: 'Ada', email: 'ada@example.test' });
    await createCustomer(db(), scope, { email: 'no-pii@example.test' });
    // Cached now, with the billing ciphertext under the old key.
    await getPaymentMethodObject(db(), scope, tokens[0]!);

    const old = keyring();
    const rotated = parseKeyring(
      `${env.ENCRYPTION_KEYS},test-k2:${randomBytes(32).toString('base64')}`,
      'test-k2',
    );
    expect(
      (
        await one('SELECT count(*)::int AS n FROM payment_methods_vault WHERE encryption_key_id = $1', [
          old.activeId,
        ])
      ).n,
    ).toBe(7);

    const vault = await rewrapVault(db(), { ring: rotated, batchSize: 3 });
    expect(vault).toEqual({ rows: 7, rewrapped: 7 + 4, alreadyCurrent: 0, failed: [] });
    const pii = await rewrapCustomerPii(db(), { ring: rotated, batchSize: 1 });
    expect(pii).toEqual({ rows: 1, rewrapped: 1, alreadyCurrent: 0, failed: [] });

    const keyIds = await query<{ card: string; billing: string | null }>(
      'SELECT encryption_key_id AS card, billing_details_key_id AS billing FROM payment_methods_vault',
    );
    expect(new Set(keyIds.flatMap((r) => [r.card, r.billing ?? 'test-k2']))).toEqual(new Set(['test-k2']));

    // The proof: every record opens under the new keyring, and without the old key in it.
    const newOnly = parseKeyring(`test-k2:${rotated.keys.get('test-k2')!.toString('base64')}`);
    expect(await verifyVault(db(), { ring: newOnly })).toEqual({
      rows: 7,
      opened: 11,
      notActive: 0,
      failed: [],
    });
    expect(await verifyCustomerPii(db(), { ring: newOnly })).toEqual({
      rows: 1,
      opened: 1,
      notActive: 0,
      failed: [],
    });
    // …and the card inside is the same card.
    const row = await one(
      'SELECT encrypted_data, encryption_key_id FROM payment_methods_vault WHERE token = $1',
      [tokens[3]],
    );
    const opened = JSON.parse(
      open(
        row.encrypted_data as Buffer,
        row.encryption_key_id as string,
        cardContext(tokens[3]!),
        newOnly,
      ).toString(),
    ) as { number: string };
    expect(opened.number).toBe(cards[3]);

    // A second run has nothing left to do.
    expect(await rewrapVault(db(), { ring: rotated })).toMatchObject({
      rewrapped: 0,
      alreadyCurrent: 11,
      failed: [],
    });
    // Records under a key the ring does not have are reported, not lost.
    expect((await verifyVault(db(), { ring: old })).failed).toHaveLength(7);
  });

  it('the configured keyring (the old key alone) no longer opens re-wrapped cards', async () => {
    const actor = await actorForNewMerchant();
    const scope = { merchantId: actor.merchantId, livemode: false };
    const pm = await createCardPaymentMethod(db(), scope, {
      number: randomVisa(),
      ...{ expMonth: 1, expYear: EXP.exp_year },
      source: 'api',
    });
    const rotated = parseKeyring(
      `${env.ENCRYPTION_KEYS},test-k3:${randomBytes(32).toString('base64')}`,
      'test-k3',
    );
    await rewrapVault(db(), { ring: rotated });
    await expect(openCardForAuthorization(db(), scope, pm.id)).rejects.toThrow(/test-k3/);
  });
});
