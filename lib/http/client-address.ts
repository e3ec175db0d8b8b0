/**
 * Who is on the other end of a request, decided once, at the edge (the app's
 * server, scripts/serve.ts), so that everything after it — audit rows,
 * sessions, request logs, the checkout's card-testing limits per IP — can read
 * the first `x-forwarded-for` value and trust it.
 *
 * `next start` keeps an `X-Forwarded-For` the client sent, so a client could
 * name any address it likes. Here the header is replaced:
 * - `trustedHops = 0` (the app faces clients directly): the socket's address;
 * - `trustedHops = N` (N reverse proxies in front, each appending the address
 *   it received the request from): the Nth entry from the right. Entries to
 *   its left were written by the client and are ignored.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const socket = normalize(socketAddress ?? '') || 'unknown';
  if (trustedHops <= 0) return socket;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const client = chain[chain.length - trustedHops];
  return client ? normalize(client) : socket;
}

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) → `127.0.0.1`. */
function normalize(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
