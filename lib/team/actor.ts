import { can, type Permission, type Role } from '@/lib/auth/permissions';
import { TeamError } from './errors';

/**
 * Who is changing the team, and of which merchant. Every team use case takes
 * the merchant from here (the caller's session), never from the request, and
 * scopes every query by it.
 */
export interface TeamActor {
  merchantId: string;
  userId: string;
  email: string;
  role: Role;
}

/**
 * The server actions check permissions already; the use cases check again so
 * no other caller can skip it.
 */
export function assertCan(actor: TeamActor, permission: Permission): void {
  if (!can(actor.role, permission))
    throw new TeamError(permission === 'team:owner' ? 'owner_required' : 'forbidden');
}
