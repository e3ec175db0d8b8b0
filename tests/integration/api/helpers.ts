import Stripe from 'stripe';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import type { PermissionMap } from '@/lib/api-keys/permissions';
import { RESOURCES } from '@/lib/api-keys/permissions';
import type { ApiKeyActor } from '@/lib/api-keys/actor';
import { actorForNewMerchant } from '../api-keys/helpers';

export { actorForNewMerchant };

export interface KeyOptions {
  environment?: 'test' | 'live';
  type?: 'secret' | 'restricted' | 'publishable';
  permissions?: Partial<PermissionMap>;
}

/** A fresh key (so each test has its own rate-limit budget) for `actor`'s merchant. */
export async function newKey(actor: ApiKeyActor, options: KeyOptions = {}): Promise<string> {
  const type = options.type ?? 'secret';
  const permissions =
    type === 'restricted'
      ? ({
          ...Object.fromEntries(RESOURCES.map((r) => [r, 'none'])),
          ...options.permissions,
        } as PermissionMap)
      : undefined;
  const { key } = await createApiKey(actor, {
    type,
    environment: options.environment ?? 'test',
    name: `${type} key`,
    ...(permissions ? { permissions } : {}),
  });
  return key;
}

/** A merchant with a test secret key. */
export async function merchantWithKey(options: KeyOptions = {}) {
  const actor = await actorForNewMerchant();
  return { actor, key: await newKey(actor, options) };
}

/** The SDK error a call failed with (and a failed test if it did not fail). */
export async function rejection(p: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}
