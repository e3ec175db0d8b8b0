import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { authOptions } from './next-auth';
import { can, isRole, type Permission, type Role } from './permissions';
import { requestContext } from './request-context';
import { getSession, SessionStoreUnavailableError, type Mode, type SessionRecord } from './sessions';

/**
 * Who is signed in, checked against the Redis session on every request (cached
 * for the rest of that request only). Pages and actions call the `require*`
 * forms, which redirect to sign-in, to onboarding, or answer 403.
 */
export interface Viewer {
  session: SessionRecord;
  user: {
    userId: string;
    email: string;
    name: string | null;
    role: 'merchant' | 'customer' | 'admin';
    twoFactorEnabled: boolean;
  };
}

export interface MerchantContext extends Viewer {
  merchant: {
    id: string;
    businessName: string;
    status: string;
    verificationStatus: string | null;
    currency: string;
  };
  role: Role;
  mode: Mode;
  /** Live mode needs an active, verified merchant. */
  liveModeAvailable: boolean;
}

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const nextSession = await getServerSession(authOptions);
  const sid = nextSession?.sid;
  if (!sid) return null;
  const session = await getSession(sid);
  if (!session) return null;
  const user = await db().user.findUnique({
    where: { userId: session.userId },
    select: { userId: true, email: true, name: true, role: true, totpEnabledAt: true },
  });
  if (!user) return null;
  return {
    session,
    user: { userId: user.userId, email: user.email, name: user.name, role: user.role, twoFactorEnabled: !!user.totpEnabledAt },
  };
});

export async function requireViewer(): Promise<Viewer> {
  let viewer: Viewer | null;
  try {
    viewer = await getViewer();
  } catch (err) {
    if (err instanceof SessionStoreUnavailableError) redirect('/unavailable');
    throw err;
  }
  if (!viewer) redirect('/sign-in');
  return viewer;
}

export const getMerchantContext = cache(async (): Promise<MerchantContext | null> => {
  const viewer = await requireViewer();
  // The session's chosen merchant if the user still belongs to it, else their first.
  const membership =
    (viewer.session.merchantId &&
      (await db().merchantMember.findUnique({
        where: { merchantId_userId: { merchantId: viewer.session.merchantId, userId: viewer.user.userId } },
        include: { merchant: true },
      }))) ||
    (await db().merchantMember.findFirst({
      where: { userId: viewer.user.userId },
      orderBy: { createdAt: 'asc' },
      include: { merchant: true },
    }));
  if (!membership || !isRole(membership.role)) return null;
  const m = membership.merchant;
  const liveModeAvailable = m.status === 'active' && m.verificationStatus === 'verified';
  return {
    ...viewer,
    merchant: {
      id: m.id,
      businessName: m.businessName,
      status: m.status,
      verificationStatus: m.verificationStatus,
      currency: m.currency,
    },
    role: membership.role,
    mode: liveModeAvailable && viewer.session.mode === 'live' ? 'live' : 'test',
    liveModeAvailable,
  };
});

export async function requireMerchant(permission: Permission = 'dashboard:read'): Promise<MerchantContext> {
  const ctx = await getMerchantContext();
  if (!ctx) redirect('/onboarding');
  if (!can(ctx.role, permission)) {
    await recordAuditEvent({
      action: 'permission.denied',
      outcome: 'denied',
      actorUserId: ctx.user.userId,
      actorEmail: ctx.user.email,
      merchantId: ctx.merchant.id,
      context: await requestContext(),
      details: { permission, role: ctx.role },
    });
    forbidden();
  }
  return ctx;
}

/** Platform operators (users.role = admin), who must have two-factor on. */
export async function requirePlatformAdmin(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (viewer.user.role !== 'admin') forbidden();
  if (!viewer.user.twoFactorEnabled) redirect('/account/security?required=two-factor');
  return viewer;
}
