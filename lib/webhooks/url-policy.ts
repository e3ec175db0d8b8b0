import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Which webhook URLs we will POST to (docs/webhooks.md, "Where webhooks may
 * go"). Live mode: https only, and the host must resolve only to public
 * addresses, so a merchant cannot point us at our own network (loopback,
 * private ranges, link-local including the cloud metadata address
 * 169.254.169.254, CGNAT, …). Test mode: http and localhost are allowed so
 * developers can receive events on their own machine; link-local, multicast
 * and reserved ranges stay refused in both modes (nothing legitimate lives
 * there and the metadata service does).
 *
 * The check runs at registration and again at every delivery, where the
 * connection goes to the very address that was checked (deliveryLookup), so a
 * DNS answer that changes between check and connect cannot slip through.
 */
export type AddressClass =
  'public' | 'loopback' | 'private' | 'link_local' | 'cgnat' | 'unspecified' | 'multicast' | 'reserved';

const RANGES: [Exclude<AddressClass, 'public'>, string, number, 'ipv4' | 'ipv6'][] = [
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['link_local', '169.254.0.0', 16, 'ipv4'],
  ['cgnat', '100.64.0.0', 10, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'],
  ['reserved', '192.0.2.0', 24, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'],
  ['reserved', '198.51.100.0', 24, 'ipv4'],
  ['reserved', '203.0.113.0', 24, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  ['private', 'fc00::', 7, 'ipv6'],
  ['link_local', 'fe80::', 10, 'ipv6'],
  ['reserved', 'fec0::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
  ['reserved', '2001:db8::', 32, 'ipv6'],
  ['reserved', '100::', 64, 'ipv6'],
];

const lists = new Map<AddressClass, BlockList>();
for (const [cls, network, prefix, family] of RANGES) {
  if (!lists.has(cls)) lists.set(cls, new BlockList());
  lists.get(cls)!.addSubnet(network, prefix, family);
}

/** The 8 groups of an IPv6 address (with an embedded dotted quad converted). */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const b = quad[1]!.split('.').map(Number);
    text = `${text.slice(0, quad.index)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  const groups = [...h, ...Array<number>(fill).fill(0), ...t];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? groups
    : null;
}

/**
 * The IPv4 address an IPv6 address carries, where the network would route to
 * it: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
 * (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
 */
function embeddedIpv4(groups: number[]): string | null {
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zeros(0, 5) && groups[5] === 0xffff) return v4(groups[6]!, groups[7]!);
  if (zeros(0, 6) && (groups[6]! !== 0 || groups[7]! > 1)) return v4(groups[6]!, groups[7]!);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return v4(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return v4(groups[1]!, groups[2]!);
  return null;
}

/** What kind of address `address` (an IP literal) is. Not an IP at all: 'reserved' (refused). */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address.split('%')[0]!);
  if (family === 4) {
    for (const [cls, list] of lists) if (list.check(address, 'ipv4')) return cls;
    return 'public';
  }
  if (family === 6) {
    const groups = ipv6Groups(address);
    if (!groups) return 'reserved';
    const inner = embeddedIpv4(groups);
    if (inner) return classifyAddress(inner);
    const normalized = groups.map((g) => g.toString(16)).join(':');
    for (const [cls, list] of lists) if (list.check(normalized, 'ipv6')) return cls;
    return 'public';
  }
  return 'reserved';
}

/** May an endpoint of this mode receive POSTs at an address of this class? */
export function addressAllowed(cls: AddressClass, livemode: boolean): boolean {
  if (cls === 'public') return true;
  return !livemode && (cls === 'loopback' || cls === 'private');
}

export interface ResolvedAddress {
  address: string;
  family: number;
}
export type HostResolver = (host: string) => Promise<ResolvedAddress[]>;

const systemResolver: HostResolver = (host) => dnsLookup(host, { all: true, verbatim: true });
let resolver: HostResolver = systemResolver;

/** Tests: answer DNS for made-up names (null restores the system resolver). */
export function setHostResolverForTests(fn: HostResolver | null): void {
  resolver = fn ?? systemResolver;
}

export class UrlRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UrlRefusedError';
  }
}

export class UnresolvableHostError extends UrlRefusedError {}

/** The URL's host as resolvable text: brackets removed from IPv6 literals. */
function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** Parses a webhook URL and applies the scheme rules (no DNS). Throws UrlRefusedError. */
export function parseEndpointUrl(raw: string, livemode: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlRefusedError(
      'Invalid URL: must be an absolute http(s) URL such as https://example.com/webhooks',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UrlRefusedError('Invalid URL: must start with https:// (or http:// in test mode)');
  }
  if (livemode && url.protocol !== 'https:') {
    throw new UrlRefusedError('Invalid URL: live mode endpoints must use https://');
  }
  if (url.username || url.password) {
    throw new UrlRefusedError('Invalid URL: credentials in the URL are not allowed');
  }
  return url;
}

/**
 * The addresses `host` may be reached at, every one checked; refuses the host
 * if any answer is not allowed (a name that also resolves to 127.0.0.1 is
 * refused, not partially used).
 */
export async function resolveAllowed(host: string, livemode: boolean): Promise<ResolvedAddress[]> {
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal }];
  } else {
    try {
      addresses = await resolver(host);
    } catch {
      throw new UnresolvableHostError(`Invalid URL: the host ${host} could not be resolved`);
    }
    if (addresses.length === 0)
      throw new UnresolvableHostError(`Invalid URL: the host ${host} could not be resolved`);
  }
  for (const a of addresses) {
    const cls = classifyAddress(a.address);
    if (!addressAllowed(cls, livemode)) {
      throw new UrlRefusedError(
        literal
          ? `Invalid URL: ${host} is a ${cls.replace('_', '-')} address, which webhooks cannot be sent to${livemode ? ' in live mode' : ''}`
          : `Invalid URL: ${host} resolves to a ${cls.replace('_', '-')} address, which webhooks cannot be sent to${livemode ? ' in live mode' : ''}`,
      );
    }
  }
  return addresses;
}

/**
 * Registration: scheme rules, then the host's addresses. In live mode a host
 * that does not resolve is refused (we cannot vouch for it); in test mode it
 * is accepted (a developer's tunnel may not exist yet) and checked again at
 * each delivery like everything else. Returns the normalized URL text.
 */
export async function checkEndpointUrl(raw: string, livemode: boolean): Promise<string> {
  const url = parseEndpointUrl(raw, livemode);
  try {
    await resolveAllowed(hostOf(url), livemode);
  } catch (err) {
    if (!(err instanceof UnresolvableHostError) || livemode) throw err;
  }
  return url.toString();
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | ResolvedAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http(s).request: resolves with the same resolver, refuses
 * disallowed answers and hands the socket exactly the addresses it checked.
 */
export function deliveryLookup(livemode: boolean) {
  return (
    hostname: string,
    options: { all?: boolean } | number | undefined,
    callback: LookupCallback,
  ): void => {
    resolveAllowed(hostname.replace(/^\[|\]$/g, ''), livemode).then(
      (addresses) => {
        if (typeof options === 'object' && options?.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: Error) => callback(Object.assign(err, { code: 'EWEBHOOKREFUSED' }), '', 0),
    );
  };
}

/** Delivery: the scheme rules and, for IP literals (which skip lookup), the address check. */
export async function checkDeliveryUrl(raw: string, livemode: boolean): Promise<URL> {
  const url = parseEndpointUrl(raw, livemode);
  const host = hostOf(url);
  if (isIP(host)) await resolveAllowed(host, livemode);
  return url;
}
