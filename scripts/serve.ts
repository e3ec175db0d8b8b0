import { createServer } from 'node:http';
import next from 'next';
import { env } from '@/lib/env';
import { clientAddress } from '@/lib/http/client-address';

/**
 * The production app server: `next start`'s request handler behind a plain
 * Node HTTP server, so the client's address is decided here and nowhere else
 * (lib/http/client-address.ts). TRUSTED_PROXY_HOPS (default 0) is how many
 * reverse proxies in front append to X-Forwarded-For; with 0 the socket's
 * address is the client and any X-Forwarded-For a client sends is replaced.
 *
 * Started by scripts/start.ts (npm start) and by the Docker image, with PORT
 * and optional LISTEN_HOST (default: every interface).
 */
const port = env.PORT;
// Not HOSTNAME: shells and containers set that to the machine's name.
const hostname = process.env.LISTEN_HOST || undefined;
const hops = env.TRUSTED_PROXY_HOPS;

const app = next({ dev: false, dir: process.cwd(), port, hostname });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  req.headers['x-forwarded-for'] = clientAddress(
    req.socket.remoteAddress,
    req.headers['x-forwarded-for'],
    hops,
  );
  delete req.headers['x-real-ip'];
  void handle(req, res);
});
server.listen(port, hostname, () => {
  process.stdout.write(`App listening on ${hostname ?? '*'}:${port} (trusted proxy hops: ${hops})\n`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open: give them a moment, then go.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
