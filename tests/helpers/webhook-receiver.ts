import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import Stripe from 'stripe';
import { clock } from '@/lib/clock';

/**
 * A webhook receiver in the test process, like an integrator's: it verifies
 * every delivery with the official SDK's stripe.webhooks.constructEvent
 * against the secret(s) it was given (at the controllable clock's time, so
 * tests that move the clock still check the timestamp tolerance), records
 * what arrived, and answers as the test tells it (status, delay).
 */
export interface Delivery {
  body: string;
  headers: IncomingHttpHeaders;
  signature: string;
  /** The event as constructEvent returned it, or null if no secret verified it. */
  event: Stripe.Event | null;
  /** Which of the receiver's secrets verified it. */
  verifiedWith: string[];
  receivedAt: number;
}

export interface Reply {
  status?: number;
  delayMs?: number;
  body?: string;
}

export interface Receiver {
  url: string;
  port: number;
  deliveries: Delivery[];
  /** Secrets the receiver accepts; each one is tried. */
  secrets: string[];
  reply: (delivery: Delivery) => Reply;
  /** Event ids received, each once (receivers deduplicate by id). */
  eventIds(): string[];
  close(): Promise<void>;
}

const sdk = new Stripe('sk_test_receiver', { telemetry: false });

export function verify(body: string, signature: string, secret: string): Stripe.Event | null {
  try {
    return sdk.webhooks.constructEvent(
      body,
      signature,
      secret,
      300,
      undefined,
      Math.floor(clock.nowMs() / 1000),
    );
  } catch {
    return null;
  }
}

export async function startReceiver(path = '/webhooks'): Promise<Receiver> {
  const receiver: Omit<Receiver, 'url' | 'port' | 'close'> = {
    deliveries: [],
    secrets: [],
    reply: () => ({ status: 200, body: '{"received":true}' }),
    eventIds() {
      return [...new Set(this.deliveries.map((d) => d.event?.id ?? ''))].filter(Boolean);
    },
  };
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['stripe-signature'] ?? '');
      const verifiedWith = receiver.secrets.filter((s) => verify(body, signature, s) !== null);
      const event = verifiedWith.length ? verify(body, signature, verifiedWith[0]!) : null;
      const delivery: Delivery = {
        body,
        headers: req.headers,
        signature,
        event,
        verifiedWith,
        receivedAt: Date.now(),
      };
      receiver.deliveries.push(delivery);
      const { status = 200, delayMs = 0, body: answer = '' } = receiver.reply(delivery);
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(answer);
      }, delayMs);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    port,
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
}
