/**
 * What each team role may do, after Stripe's team roles. One table; pages,
 * server actions and route handlers all ask `can(role, permission)`, so hiding a
 * button is never the only guard.
 */
export const ROLES = ['owner', 'admin', 'developer', 'analyst', 'support'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Administrator',
  developer: 'Developer',
  analyst: 'Analyst',
  support: 'Support specialist',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Full access, including team ownership and closing the account.',
  admin: 'Full access to the account and the team, except ownership.',
  developer: 'API keys, webhooks and logs; can view payments and customers.',
  analyst: 'Read-only access to payments, customers, disputes and analytics.',
  support: 'Views payments and customers; refunds payments and answers disputes.',
};

export type Permission =
  | 'dashboard:read'
  | 'business:write'
  | 'team:read'
  | 'team:write'
  | 'team:owner'
  | 'developers:read'
  | 'developers:write'
  | 'payments:read'
  | 'payments:write'
  | 'refunds:write'
  | 'disputes:write'
  | 'customers:write'
  | 'analytics:read';

const ALL: Permission[] = [
  'dashboard:read',
  'business:write',
  'team:read',
  'team:write',
  'team:owner',
  'developers:read',
  'developers:write',
  'payments:read',
  'payments:write',
  'refunds:write',
  'disputes:write',
  'customers:write',
  'analytics:read',
];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(ALL),
  admin: new Set(ALL.filter((p) => p !== 'team:owner')),
  developer: new Set(['dashboard:read', 'developers:read', 'developers:write', 'payments:read', 'analytics:read']),
  analyst: new Set(['dashboard:read', 'payments:read', 'analytics:read']),
  support: new Set(['dashboard:read', 'payments:read', 'refunds:write', 'disputes:write', 'customers:write']),
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: string, permission: Permission): boolean {
  return isRole(role) && GRANTS[role].has(permission);
}
