import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fromPublicId } from '@/lib/api/object-id';
import { db } from '@/lib/db/client';
import { revealWebhookSecret } from '@/lib/webhooks/reveal-webhook-secret';
import { rollWebhookSecret } from '@/lib/webhooks/roll-webhook-secret';
import { setHostResolverForTests } from '@/lib/webhooks/url-policy';
import { startApiServer, type ApiServer } from '@/tests/helpers/api-server';
import { one, query } from '@/tests/helpers/fixtures';
import { merchantWithKey, newKey, rejection } from '../api/helpers';

/**
 * /v1/webhook_endpoints through the official stripe SDK, against this file's
 * own database: Stripe's CRUD semantics, validation errors, tenancy and
 * test/live isolation, and the URL rules of url-policy.ts at registration.
 */
let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());
afterEach(() => setHostResolverForTests(null));

describe('webhook endpoints CRUD with the stripe SDK', () => {
  it('creates (secret shown once), retrieves, updates, lists and deletes', async () => {
    const { actor, key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const created = await stripe.webhookEndpoints.create({
      url: 'http://localhost:4242/webhook',
      enabled_events: ['payment_intent.succeeded', 'charge.refunded'],
      description: 'Order service',
      metadata: { team: 'orders' },
    });
    expect(created).toMatchObject({
      object: 'webhook_endpoint',
      url: 'http://localhost:4242/webhook',
      enabled_events: ['payment_intent.succeeded', 'charge.refunded'],
      description: 'Order service',
      metadata: { team: 'orders' },
      status: 'enabled',
      livemode: false,
      api_version: null,
      application: null,
    });
    expect(created.id).toMatch(/^we_[0-9A-Za-z]{22}$/);
    expect(created.secret).toMatch(/^whsec_[0-9a-f]{64}$/);

    // The secret is stored sealed, never in the clear.
    const row = await one<{ secret_ciphertext: Buffer }>(
      'SELECT secret_ciphertext FROM webhook_endpoints WHERE id = $1',
      [fromPublicId('we', created.id)],
    );
    expect(row.secret_ciphertext.includes(Buffer.from(created.secret!))).toBe(false);
    const scope = { merchantId: actor.merchantId, livemode: false };
    expect((await revealWebhookSecret(db(), scope, created.id)).secret).toBe(created.secret);

    const retrieved = await stripe.webhookEndpoints.retrieve(created.id);
    expect(retrieved.secret).toBeUndefined();
    expect(retrieved).toMatchObject({ id: created.id, url: 'http://localhost:4242/webhook' });

    const updated = await stripe.webhookEndpoints.update(created.id, {
      disabled: true,
      enabled_events: ['*'],
      description: '',
      metadata: { team: '', region: 'eu' },
    });
    expect(updated).toMatchObject({
      status: 'disabled',
      enabled_events: ['*'],
      description: null,
      metadata: { region: 'eu' },
    });
    expect((await stripe.webhookEndpoints.update(created.id, { disabled: false })).status).toBe('enabled');

    const second = await stripe.webhookEndpoints.create({
      url: 'https://example.com/hook',
      enabled_events: ['*'],
    });
    const list = await stripe.webhookEndpoints.list({ limit: 1 });
    expect(list.data.map((e) => e.id)).toEqual([second.id]);
    expect(list.has_more).toBe(true);
    const all: string[] = [];
    for await (const e of stripe.webhookEndpoints.list({ limit: 1 })) all.push(e.id);
    expect(all).toEqual([second.id, created.id]);

    expect(await stripe.webhookEndpoints.del(created.id)).toEqual({
      id: created.id,
      object: 'webhook_endpoint',
      deleted: true,
    });
    const gone = await rejection(stripe.webhookEndpoints.retrieve(created.id));
    expect(gone.statusCode).toBe(404);
    expect(gone.code).toBe('resource_missing');
    expect((await rejection(stripe.webhookEndpoints.del(created.id))).statusCode).toBe(404);
    expect((await stripe.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([second.id]);
  });

  it('answers validation errors in Stripe shape', async () => {
    const { actor, key } = await merchantWithKey();
    const stripe = server.stripe(key);
    const cases: [Parameters<typeof stripe.webhookEndpoints.create>[0], string, string][] = [
      [
        {
          url: 'https://example.com/x',
          enabled_events: ['payment_intent.nope' as 'payment_intent.succeeded'],
        },
        'enabled_events[0]',
        'parameter_invalid',
      ],
      [
        { url: 'https://example.com/x', enabled_events: ['*', 'charge.succeeded'] },
        'enabled_events',
        'parameter_invalid',
      ],
      [{ url: 'https://example.com/x', enabled_events: [] }, 'enabled_events', 'parameter_missing'],
      [{ url: 'ftp://example.com/x', enabled_events: ['*'] }, 'url', 'url_invalid'],
      [{ url: 'not a url', enabled_events: ['*'] }, 'url', 'url_invalid'],
      [{ enabled_events: ['*'] } as never, 'url', 'parameter_missing'],
    ];
    for (const [params, param, code] of cases) {
      const err = await rejection(stripe.webhookEndpoints.create(params));
      expect({ status: err.statusCode, param: err.param }).toEqual({ status: 400, param });
      expect([code, 'parameter_invalid', 'parameter_missing']).toContain(err.code);
      if (code === 'url_invalid') expect(err.code).toBe('url_invalid');
    }
    const unknown = await rejection(
      stripe.webhookEndpoints.create({ url: 'https://example.com/x', enabled_events: ['*'], connect: true }),
    );
    expect(unknown.code).toBe('parameter_unknown');
    expect(
      await one('SELECT count(*)::int AS n FROM webhook_endpoints WHERE merchant_id = $1', [
        actor.merchantId,
      ]),
    ).toMatchObject({ n: 0 });
  });

  it("another merchant's endpoint is not found, and test and live endpoints never mix", async () => {
    const a = await merchantWithKey();
    const b = await merchantWithKey();
    const mine = await server
      .stripe(a.key)
      .webhookEndpoints.create({ url: 'https://example.com/a', enabled_events: ['*'] });
    const theirs = server.stripe(b.key);
    for (const call of [
      () => theirs.webhookEndpoints.retrieve(mine.id),
      () => theirs.webhookEndpoints.update(mine.id, { disabled: true }),
      () => theirs.webhookEndpoints.del(mine.id),
    ]) {
      const err = await rejection(call());
      expect({ status: err.statusCode, code: err.code }).toEqual({ status: 404, code: 'resource_missing' });
    }
    expect((await theirs.webhookEndpoints.list()).data).toEqual([]);

    const live = server.stripe(await newKey(a.actor, { environment: 'live' }));
    expect((await rejection(live.webhookEndpoints.retrieve(mine.id))).statusCode).toBe(404);
    expect((await live.webhookEndpoints.list()).data).toEqual([]);
    const liveEndpoint = await live.webhookEndpoints.create({
      url: 'https://93.184.216.34/live',
      enabled_events: ['*'],
    });
    expect(liveEndpoint.livemode).toBe(true);
    expect((await server.stripe(a.key).webhookEndpoints.list()).data.map((e) => e.id)).toEqual([mine.id]);
    expect((await server.stripe(a.key).webhookEndpoints.retrieve(mine.id)).status).toBe('enabled');
  });

  it('a restricted key needs webhook_endpoints permission', async () => {
    const { actor } = await merchantWithKey();
    const readOnly = server.stripe(
      await newKey(actor, { type: 'restricted', permissions: { webhook_endpoints: 'read' } }),
    );
    expect((await readOnly.webhookEndpoints.list()).data).toEqual([]);
    const err = await rejection(
      readOnly.webhookEndpoints.create({ url: 'https://example.com/x', enabled_events: ['*'] }),
    );
    expect(err.statusCode).toBe(403);
  });
});

describe('URL rules at registration', () => {
  it('live mode refuses http, loopback, private, link-local and metadata addresses, and names resolving there', async () => {
    const { actor } = await merchantWithKey();
    const live = server.stripe(await newKey(actor, { environment: 'live' }));
    const zone: Record<string, { address: string; family: number }[]> = {
      'internal.example.test': [{ address: '10.1.2.3', family: 4 }],
      'mixed.example.test': [
        { address: '93.184.216.34', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
      'metadata.example.test': [{ address: '169.254.169.254', family: 4 }],
      'v6.example.test': [{ address: '::ffff:127.0.0.1', family: 6 }],
      'public.example.test': [{ address: '93.184.216.34', family: 4 }],
      localhost: [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ],
    };
    setHostResolverForTests((host) =>
      zone[host]
        ? Promise.resolve(zone[host])
        : Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })),
    );
    const refused = [
      'http://public.example.test/hook',
      'https://127.0.0.1/hook',
      'https://127.1.2.3:8443/hook',
      'https://10.0.0.5/hook',
      'https://172.16.4.4/hook',
      'https://192.168.1.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/hook',
      'https://0.0.0.0/hook',
      'https://[::1]/hook',
      'https://[fd00::1]/hook',
      'https://[fe80::1]/hook',
      'https://[::ffff:10.0.0.1]/hook',
      'https://localhost/hook',
      'https://internal.example.test/hook',
      'https://mixed.example.test/hook',
      'https://metadata.example.test/hook',
      'https://v6.example.test/hook',
      'https://nowhere.example.test/hook',
    ];
    for (const url of refused) {
      const err = await rejection(live.webhookEndpoints.create({ url, enabled_events: ['*'] }));
      expect({ url, status: err.statusCode, code: err.code, param: err.param }).toEqual({
        url,
        status: 400,
        code: 'url_invalid',
        param: 'url',
      });
    }
    expect(
      (await live.webhookEndpoints.create({ url: 'https://public.example.test/hook', enabled_events: ['*'] }))
        .url,
    ).toBe('https://public.example.test/hook');
    const created = await live.webhookEndpoints.create({
      url: 'https://93.184.216.34/hook',
      enabled_events: ['*'],
    });
    // An update to a refused URL is refused too, and changes nothing.
    const err = await rejection(
      live.webhookEndpoints.update(created.id, { url: 'https://internal.example.test/x' }),
    );
    expect(err.code).toBe('url_invalid');
    expect((await live.webhookEndpoints.retrieve(created.id)).url).toBe('https://93.184.216.34/hook');
  });

  it('test mode allows http and localhost, but not link-local or metadata addresses', async () => {
    const { key } = await merchantWithKey();
    const stripe = server.stripe(key);
    for (const url of [
      'http://localhost:3000/hooks',
      'http://127.0.0.1:8080/x',
      'http://192.168.1.20/x',
      'https://example.com/x',
    ]) {
      expect((await stripe.webhookEndpoints.create({ url, enabled_events: ['*'] })).url).toBe(url);
    }
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://[fe80::1]/x',
      'http://224.0.0.1/x',
    ]) {
      expect((await rejection(stripe.webhookEndpoints.create({ url, enabled_events: ['*'] }))).code).toBe(
        'url_invalid',
      );
    }
  });
});

describe('secrets stay inside', () => {
  it("the request log keeps create's response with the secret redacted; reveal and roll are tenant-scoped", async () => {
    const { actor, key } = await merchantWithKey();
    const created = await server
      .stripe(key)
      .webhookEndpoints.create({ url: 'https://example.com/x', enabled_events: ['*'] });
    let logged: { response_body: unknown } | undefined;
    for (let i = 0; i < 50 && !logged; i++) {
      [logged] = await query<{ response_body: unknown }>(
        `SELECT response_body FROM api_request_logs WHERE merchant_id = $1 AND path = '/v1/webhook_endpoints' AND method = 'POST'`,
        [actor.merchantId],
      );
      if (!logged) await new Promise((r) => setTimeout(r, 50));
    }
    expect(logged?.response_body).toMatchObject({ id: created.id, secret: '[redacted]' });
    expect(JSON.stringify(logged)).not.toContain(created.secret!.slice(6));

    const other = { merchantId: (await merchantWithKey()).actor.merchantId, livemode: false };
    await expect(revealWebhookSecret(db(), other, created.id)).rejects.toThrow(/No such webhook endpoint/);
    await expect(
      revealWebhookSecret(db(), { merchantId: actor.merchantId, livemode: true }, created.id),
    ).rejects.toThrow(/No such webhook endpoint/);
    await expect(
      db().$transaction((tx) => rollWebhookSecret(tx, other, created.id, { overlapSeconds: 0 })),
    ).rejects.toThrow(/No such webhook endpoint/);
    expect(
      (await revealWebhookSecret(db(), { merchantId: actor.merchantId, livemode: false }, created.id)).secret,
    ).toBe(created.secret);
  });
});
