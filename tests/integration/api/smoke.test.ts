import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { actorForNewMerchant } from '../api-keys/helpers';

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

it('smoke', async () => {
  const actor = await actorForNewMerchant();
  const { key } = await createApiKey(actor, { type: 'secret', environment: 'test', name: 'k' });
  const stripe = server.stripe(key);
  const c = await stripe.customers.create({ email: 'a@example.com', name: 'Ann', metadata: { a: '1' }, address: { city: 'Paris' } });
  console.log(c);
  const r = await stripe.customers.retrieve(c.id);
  console.log(r);
  const u = await stripe.customers.update(c.id, { name: '', metadata: { a: '', b: '2' } });
  console.log(u);
  const l = await stripe.customers.list({ limit: 2 });
  console.log(l);
  const d = await stripe.customers.del(c.id);
  console.log(d, await stripe.customers.retrieve(c.id));
  await expect(stripe.customers.create({ foo: 1 } as never)).rejects.toMatchObject({ type: 'StripeInvalidRequestError' });
  try { await stripe.customers.create({ foo: 1 } as never); } catch (e) { console.log(e); }
  expect(1).toBe(1);
});
