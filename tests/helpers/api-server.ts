import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import * as customer from '@/app/v1/customers/[customer]/route';
import * as customers from '@/app/v1/customers/route';
import * as customerPaymentMethods from '@/app/v1/customers/[customer]/payment_methods/route';
import * as paymentMethod from '@/app/v1/payment_methods/[payment_method]/route';
import * as attachPaymentMethod from '@/app/v1/payment_methods/[payment_method]/attach/route';
import * as detachPaymentMethod from '@/app/v1/payment_methods/[payment_method]/detach/route';
import * as paymentMethods from '@/app/v1/payment_methods/route';
import * as balance from '@/app/v1/balance/route';
import * as balanceTransaction from '@/app/v1/balance_transactions/[id]/route';
import * as balanceTransactions from '@/app/v1/balance_transactions/route';
import * as intentCancel from '@/app/v1/payment_intents/[intent]/cancel/route';
import * as intentCapture from '@/app/v1/payment_intents/[intent]/capture/route';
import * as intentConfirm from '@/app/v1/payment_intents/[intent]/confirm/route';
import * as intent from '@/app/v1/payment_intents/[intent]/route';
import * as intents from '@/app/v1/payment_intents/route';
import * as charges from '@/app/v1/charges/route';
import * as charge from '@/app/v1/charges/[charge]/route';
import * as refundCancel from '@/app/v1/refunds/[refund]/cancel/route';
import * as refund from '@/app/v1/refunds/[refund]/route';
import * as refunds from '@/app/v1/refunds/route';
import * as checkoutSessions from '@/app/v1/checkout/sessions/route';
import * as checkoutSession from '@/app/v1/checkout/sessions/[session]/route';
import * as checkoutSessionExpire from '@/app/v1/checkout/sessions/[session]/expire/route';
import * as checkoutSessionLineItems from '@/app/v1/checkout/sessions/[session]/line_items/route';
import * as event from '@/app/v1/events/[id]/route';
import * as events from '@/app/v1/events/route';
import * as webhookEndpoint from '@/app/v1/webhook_endpoints/[webhook_endpoint]/route';
import * as webhookEndpoints from '@/app/v1/webhook_endpoints/route';

/**
 * The /v1 route handlers behind a plain Node HTTP server, so integration tests
 * can drive them with the official `stripe` SDK against this file's own
 * database and Redis prefix. The routing table mirrors app/v1's folders; the
 * Playwright suite (e2e/api-*.spec.ts) runs the same SDK against the real
 * Next.js server.
 */
type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Response | Promise<Response>;
type Module = Partial<Record<'GET' | 'POST' | 'DELETE', Handler>>;

const ROUTES: [RegExp, string[], Module][] = [
  [/^\/v1\/customers$/, [], customers],
  [/^\/v1\/customers\/([^/]+)$/, ['customer'], customer],
  [/^\/v1\/customers\/([^/]+)\/payment_methods$/, ['customer'], customerPaymentMethods],
  [/^\/v1\/payment_methods$/, [], paymentMethods],
  [/^\/v1\/payment_methods\/([^/]+)$/, ['payment_method'], paymentMethod],
  [/^\/v1\/payment_methods\/([^/]+)\/attach$/, ['payment_method'], attachPaymentMethod],
  [/^\/v1\/payment_methods\/([^/]+)\/detach$/, ['payment_method'], detachPaymentMethod],
  [/^\/v1\/balance$/, [], balance],
  [/^\/v1\/balance_transactions$/, [], balanceTransactions],
  [/^\/v1\/balance_transactions\/([^/]+)$/, ['id'], balanceTransaction],
  [/^\/v1\/payment_intents$/, [], intents],
  [/^\/v1\/charges$/, [], charges],
  [/^\/v1\/charges\/([^/]+)$/, ['charge'], charge],
  [/^\/v1\/payment_intents\/([^/]+)$/, ['intent'], intent],
  [/^\/v1\/payment_intents\/([^/]+)\/confirm$/, ['intent'], intentConfirm],
  [/^\/v1\/payment_intents\/([^/]+)\/capture$/, ['intent'], intentCapture],
  [/^\/v1\/payment_intents\/([^/]+)\/cancel$/, ['intent'], intentCancel],
  [/^\/v1\/refunds$/, [], refunds],
  [/^\/v1\/refunds\/([^/]+)$/, ['refund'], refund],
  [/^\/v1\/refunds\/([^/]+)\/cancel$/, ['refund'], refundCancel],
  [/^\/v1\/checkout\/sessions$/, [], checkoutSessions],
  [/^\/v1\/checkout\/sessions\/([^/]+)$/, ['session'], checkoutSession],
  [/^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, ['session'], checkoutSessionExpire],
  [/^\/v1\/checkout\/sessions\/([^/]+)\/line_items$/, ['session'], checkoutSessionLineItems],
  [/^\/v1\/events$/, [], events],
  [/^\/v1\/events\/([^/]+)$/, ['id'], event],
  [/^\/v1\/webhook_endpoints$/, [], webhookEndpoints],
  [/^\/v1\/webhook_endpoints\/([^/]+)$/, ['webhook_endpoint'], webhookEndpoint],
];

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  const request = new Request(url, {
    method: req.method,
    headers,
    body: req.method === 'GET' ? undefined : body,
  });
  let response: Response | undefined;
  for (const [pattern, names, mod] of ROUTES) {
    const match = pattern.exec(url.pathname);
    const handler = match ? mod[req.method as 'GET' | 'POST' | 'DELETE'] : undefined;
    if (!match || !handler) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
    response = await handler(request, { params: Promise.resolve(params) });
    break;
  }
  response ??= new Response(
    JSON.stringify({ error: { type: 'invalid_request_error', message: 'no route' } }),
    {
      status: 404,
    },
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

export interface ApiServer {
  port: number;
  url: string;
  close(): Promise<void>;
  /** An SDK client for `key` against this server. */
  stripe(key: string, options?: { maxNetworkRetries?: number }): Stripe;
}

export async function startApiServer(): Promise<ApiServer> {
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    stripe: (key, options = {}) =>
      new Stripe(key, {
        host: '127.0.0.1',
        port,
        protocol: 'http',
        maxNetworkRetries: options.maxNetworkRetries ?? 0,
        telemetry: false,
      }),
  };
}
