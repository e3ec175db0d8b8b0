import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { keys } from '@/lib/cache/keys';
import { redis } from '@/lib/cache/redis';
import { db } from '@/lib/db/client';
import {
  attachPaymentMethod,
  createCardPaymentMethod,
  detachPaymentMethod,
  getPaymentMethodObject,
  listCustomerPaymentMethods,
  openCardForAuthorization,
  resolvePaymentMethod,
} from '@/lib/vault';
import { insertCustomer, one } from '@/tests/helpers/fixtures';
import { actorForNewMerchant, EXP, randomVisa } from './helpers';

/** lib/vault as the PaymentIntents code and the hosted checkout call it. */
async function scopeWithCustomer(livemode = false) {
  const actor = await actorForNewMerchant();
  const scope = { merchantId: actor.merchantId, livemode };
  return { scope, customerId: await insertCustomer(actor.merchantId, { livemode }) };
}

describe('lib/vault for the payment code', () => {
  it('resolvePaymentMethod → openCardForAuthorization hands the card to one gateway call and records the use', async () => {
    const { scope } = await scopeWithCustomer();
    const number = randomVisa();
    const pm = await createCardPaymentMethod(db(), scope, {
      number,
      expMonth: 3,
      expYear: EXP.exp_year,
      cvc: '123',
      source: 'api',
    });
    const resolved = await resolvePaymentMethod(db(), scope, pm.id);
    expect(resolved).toMatchObject({
      token: pm.id,
      customerId: null,
      brand: 'visa',
      last4: number.slice(-4),
      expMonth: 3,
      expYear: EXP.exp_year,
      fingerprint: pm.card.fingerprint,
      usable: true,
    });
    const card = await openCardForAuthorization(db(), scope, pm.id, '987');
    expect(card).toEqual({
      number,
      expMonth: 3,
      expYear: EXP.exp_year,
      cvc: '987',
      brand: 'visa',
      last4: number.slice(-4),
    });
    expect((await openCardForAuthorization(db(), scope, pm.id)).cvc).toBeUndefined();
    const row = await one('SELECT last_used_at FROM payment_methods_vault WHERE token = $1', [pm.id]);
    expect(row.last_used_at).toBeInstanceOf(Date);
  });

  it('test tokens vault a fresh test card in test mode only; other merchants and modes resolve to null', async () => {
    const { scope } = await scopeWithCustomer();
    const declined = await resolvePaymentMethod(db(), scope, 'pm_card_visa_chargeDeclinedInsufficientFunds');
    expect(declined).toMatchObject({ brand: 'visa', last4: '9995', usable: true });
    expect((await openCardForAuthorization(db(), scope, declined!.token)).number).toBe('4000000000009995');
    expect(await resolvePaymentMethod(db(), { ...scope, livemode: true }, 'pm_card_visa')).toBeNull();
    expect(await resolvePaymentMethod(db(), { ...scope, livemode: true }, declined!.token)).toBeNull();
    const other = (await scopeWithCustomer()).scope;
    expect(await resolvePaymentMethod(db(), other, declined!.token)).toBeNull();
    await expect(openCardForAuthorization(db(), other, declined!.token)).rejects.toMatchObject({
      status: 404,
    });
    expect(await resolvePaymentMethod(db(), scope, 'pm_nope')).toBeNull();
  });

  it('the hosted checkout may vault live cards; API keys may not', async () => {
    const { scope, customerId } = await scopeWithCustomer(true);
    const input = { number: randomVisa(), expMonth: 1, expYear: EXP.exp_year, customerId };
    await expect(createCardPaymentMethod(db(), scope, { ...input, source: 'api' })).rejects.toMatchObject({
      status: 400,
      options: { code: 'live_card_data_not_allowed' },
    });
    const pm = await createCardPaymentMethod(db(), scope, { ...input, source: 'checkout' });
    expect(pm).toMatchObject({ livemode: true, card: { country: null } });
    expect((await resolvePaymentMethod(db(), scope, pm.id))!.customerId).toBe(customerId);
  });

  it('a detached PaymentMethod resolves (not usable) and cannot be opened', async () => {
    const { scope, customerId } = await scopeWithCustomer();
    const pm = await createCardPaymentMethod(db(), scope, {
      number: randomVisa(),
      expMonth: 1,
      expYear: EXP.exp_year,
      source: 'api',
    });
    await attachPaymentMethod(db(), scope, pm.id, customerId);
    expect((await listCustomerPaymentMethods(db(), scope, customerId, {}))!.data.map((p) => p.id)).toEqual([
      pm.id,
    ]);
    await detachPaymentMethod(db(), scope, pm.id);
    expect(await resolvePaymentMethod(db(), scope, pm.id)).toMatchObject({ usable: false, customerId: null });
    await expect(openCardForAuthorization(db(), scope, pm.id)).rejects.toBeInstanceOf(ApiError);
    expect((await listCustomerPaymentMethods(db(), scope, customerId, {}))!.data).toEqual([]);
  });

  it('caches only non-sensitive fields, and falls back to PostgreSQL when the cache is wrong or empty', async () => {
    const { scope, customerId } = await scopeWithCustomer();
    const number = randomVisa();
    const pm = await createCardPaymentMethod(db(), scope, {
      number,
      expMonth: 1,
      expYear: EXP.exp_year,
      cvc: '123',
      billingDetails: { name: 'Secret Holder', email: 'holder@example.test' },
      customerId,
      source: 'api',
    });
    // Attaching fenced the customer's list for a minute (ttl.paymentMethodFence): let it pass.
    await redis().del(keys.customerPaymentMethodsFence(customerId));
    await listCustomerPaymentMethods(db(), scope, customerId, {});
    const cached = await redis().get(keys.paymentMethod(pm.id));
    expect(cached).not.toBeNull();
    expect(cached).not.toContain(number);
    expect(cached).not.toContain('Secret Holder');
    expect(cached).not.toContain('holder@example.test');
    expect(JSON.parse((await redis().get(keys.customerPaymentMethods(customerId)))!)).toEqual([pm.id]);
    // Served from the cache, billing details opened from their sealed copy.
    expect(await getPaymentMethodObject(db(), scope, pm.id)).toMatchObject({
      billing_details: { name: 'Secret Holder' },
    });
    // A broken entry is a miss, not an error.
    await redis().set(keys.paymentMethod(pm.id), JSON.stringify({ merchantId: 'someone-else' }));
    expect((await getPaymentMethodObject(db(), scope, pm.id))!.id).toBe(pm.id);
    await redis().del(keys.paymentMethod(pm.id), keys.customerPaymentMethods(customerId));
    expect((await listCustomerPaymentMethods(db(), scope, customerId, {}))!.data[0]).toMatchObject({
      id: pm.id,
    });
  });
});
