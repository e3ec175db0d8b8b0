import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db/client';
import { signUp } from '@/lib/auth/sign-up';
import type { RequestContext } from '@/lib/auth/request-context';
import type { Role } from '@/lib/auth/permissions';
import type { TeamActor } from '@/lib/team/actor';

/** Shared set-up for the auth integration tests: real users, real merchants. */
export const ctx: RequestContext = {
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36',
};

export const PASSWORD = 'correct-horse-42-battery';

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function newUser(
  label = 'user',
  password = PASSWORD,
): Promise<{ userId: string; email: string; password: string }> {
  const email = uniqueEmail(label);
  const { userId } = await signUp({ name: `Test ${label}`, email, password }, ctx);
  return { userId, email, password };
}

export async function newMerchant(name = 'Test Shop'): Promise<string> {
  const merchant = await db().merchant.create({
    data: { businessName: name, email: uniqueEmail('merchant'), address: { line1: '1 Main St' } },
    select: { id: true },
  });
  return merchant.id;
}

export async function addMember(merchantId: string, userId: string, role: Role): Promise<void> {
  await db().merchantMember.create({ data: { merchantId, userId, role } });
}

/** A user who is a member of `merchantId` with `role`, as a team actor. */
export async function newActor(merchantId: string, role: Role, label: string = role): Promise<TeamActor> {
  const user = await newUser(label);
  await addMember(merchantId, user.userId, role);
  return { merchantId, userId: user.userId, email: user.email, role };
}

export async function auditRows(
  action: string,
  where: { actorUserId?: string; merchantId?: string; targetId?: string } = {},
) {
  return db().auditLog.findMany({ where: { action, ...where }, orderBy: { id: 'asc' } });
}

export async function mailTo(email: string) {
  return db().mailOutbox.findMany({
    where: { toAddress: email.toLowerCase() },
    orderBy: { createdAt: 'asc' },
  });
}
