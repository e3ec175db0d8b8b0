/**
 * The curl and stripe-node examples of the API reference, written from an
 * operation's example values in the OpenAPI document. The key is a
 * placeholder: keys are stored only as hashes and are never shown again.
 */
export const KEY_PLACEHOLDER = 'sk_test_…';

export interface SampleRequest {
  method: 'get' | 'post' | 'delete';
  /** OpenAPI path with `{placeholders}`. */
  path: string;
  operationId: string;
  pathParams: Record<string, string>;
  params?: Record<string, unknown>;
  serverUrl: string;
}

/** `{ metadata: { order_id: '6735' } }` → `[['metadata[order_id]', '6735']]`, as Stripe form-encodes. */
export function formPairs(value: unknown, prefix = ''): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => formPairs(v, `${prefix}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => formPairs(v, prefix ? `${prefix}[${k}]` : k));
  }
  // A leaf: the example values are JSON, so a string, number, boolean or null.
  const leaf =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : '';
  return [[prefix, String(leaf)]];
}

const shellSafe = /^[A-Za-z0-9_.@:/=+-]*$/;
const shell = (s: string) => (s !== '' && shellSafe.test(s) ? s : `"${s.replace(/(["\\$`])/g, '\\$1')}"`);

function fillPath(path: string, pathParams: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathParams[name] ?? `{${name}}`));
}

export function curlSample(req: SampleRequest): string {
  const url = `${req.serverUrl}${fillPath(req.path, req.pathParams)}`;
  const pairs = formPairs(req.params ?? {});
  const first = [
    'curl',
    ...(req.method === 'get' && pairs.length ? ['-G'] : []),
    ...(req.method === 'delete' ? ['-X DELETE'] : []),
    url,
  ].join(' ');
  const lines = [first, `  -u ${KEY_PLACEHOLDER}:`, ...pairs.map(([k, v]) => `  -d ${shell(k)}=${shell(v)}`)];
  return lines.join(' \\\n');
}

const identifier = /^[A-Za-z_$][\w$]*$/;
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A JavaScript literal in the style of Stripe's docs: bare keys, single quotes. */
export function jsLiteral(value: unknown, indent = ''): string {
  if (Array.isArray(value)) return `[${value.map((v) => jsLiteral(v, indent)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const inner = `${indent}  `;
    const entries = Object.entries(value).map(
      ([k, v]) => `${inner}${identifier.test(k) ? k : `'${k}'`}: ${jsLiteral(v, inner)},`,
    );
    return entries.length ? `{\n${entries.join('\n')}\n${indent}}` : '{}';
  }
  if (typeof value === 'string') return `'${value.replace(/(['\\])/g, '\\$1')}'`;
  return String(value);
}

export function nodeSample(req: SampleRequest): string {
  // `customers.create`, or a nested resource: `checkout.sessions.listLineItems`.
  const parts = req.operationId.split('.');
  const action = parts.pop() ?? '';
  // stripe-node names delete `del` (delete is a reserved word in older JavaScript).
  const method = action === 'delete' ? 'del' : camel(action);
  const namespace = parts.map(camel).join('.');
  const plural = camel(parts.at(-1) ?? '');
  const result =
    action === 'list'
      ? plural
      : action === 'delete'
        ? 'deleted'
        : /^list[A-Z]/.test(action)
          ? action.charAt(4).toLowerCase() + action.slice(5)
          : plural.replace(/s$/, '');
  const args = [
    ...[...req.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => jsLiteral(req.pathParams[name!] ?? name)),
    ...(req.params && Object.keys(req.params).length ? [jsLiteral(req.params)] : []),
  ];
  const url = new URL(req.serverUrl);
  const defaultPort = url.protocol === 'https:' && url.port === '';
  const options = defaultPort
    ? `{ host: '${url.hostname}' }`
    : `{ host: '${url.hostname}', port: ${url.port || 80}, protocol: '${url.protocol.replace(':', '')}' }`;
  return [
    "import Stripe from 'stripe';",
    '',
    `const stripe = new Stripe('${KEY_PLACEHOLDER}', ${options});`,
    '',
    `const ${result} = await stripe.${namespace}.${method}(${args.join(', ')});`,
  ].join('\n');
}
