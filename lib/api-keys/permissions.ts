/**
 * Restricted keys' per-resource permissions, after Stripe's restricted keys:
 * each resource is `none`, `read` or `write` (write implies read), stored as
 * `<resource>:<level>` entries in merchant_api_keys.permissions (the
 * migration's CHECK enforces that shape too).
 */
export const RESOURCES = [
  'customers',
  'payment_intents',
  'refunds',
  'disputes',
  'balance',
  'webhook_endpoints',
  'events',
  'checkout_sessions',
  'files',
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACCESS_LEVELS = ['none', 'read', 'write'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export const RESOURCE_LABELS: Record<Resource, string> = {
  customers: 'Customers',
  payment_intents: 'Payment intents',
  refunds: 'Refunds',
  disputes: 'Disputes',
  balance: 'Balance',
  webhook_endpoints: 'Webhook endpoints',
  events: 'Events',
  checkout_sessions: 'Checkout sessions',
  files: 'Files',
};

export type PermissionMap = Record<Resource, AccessLevel>;

const isResource = (value: string): value is Resource => (RESOURCES as readonly string[]).includes(value);
const isLevel = (value: string): value is AccessLevel => (ACCESS_LEVELS as readonly string[]).includes(value);

/** Every resource, `none` unless the stored entries say otherwise; unknown entries are ignored. */
export function parsePermissions(entries: readonly string[]): PermissionMap {
  const map = Object.fromEntries(RESOURCES.map((r) => [r, 'none'])) as PermissionMap;
  for (const entry of entries) {
    const [resource, level, ...rest] = entry.split(':');
    if (rest.length === 0 && resource && level && isResource(resource) && isLevel(level))
      map[resource] = level;
  }
  return map;
}

/** The stored form: one entry per resource, in RESOURCES order. */
export function serializePermissions(map: PermissionMap): string[] {
  return RESOURCES.map((r) => `${r}:${map[r]}`);
}

/** Whether a restricted key's permissions allow `access` on `resource`. */
export function allows(entries: readonly string[], resource: Resource, access: 'read' | 'write'): boolean {
  const level = parsePermissions(entries)[resource];
  return access === 'read' ? level !== 'none' : level === 'write';
}

export function grantsAnything(map: PermissionMap): boolean {
  return RESOURCES.some((r) => map[r] !== 'none');
}
