import { createHash } from 'node:crypto';
import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestContext } from '@/lib/auth/request-context';
import { listSessions, revokeAllSessions, revokeSession } from '@/lib/auth/sessions';
import { AccountError } from './errors';

/**
 * A session's public handle: what pages, forms and the audit log name a
 * session by. The session id itself never leaves the server (it is what the
 * signed cookie carries), so a page's HTML cannot leak it.
 */
export function sessionPublicId(sessionId: string): string {
  return createHash('sha256').update(`session:${sessionId}`).digest('base64url').slice(0, 22);
}

export const revokeSessionSchema = z.strictObject({
  session: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Unknown session.'),
});

interface Actor {
  userId: string;
  email: string;
  /** The session making the request. */
  sessionId: string;
}

/**
 * Signs one of the person's other sessions out: its Redis key goes, so that
 * browser is signed out on its next request. Only the person's own sessions
 * can be named (anything else is "not found"); the current one is ended by
 * signing out, which also clears this browser's cookie.
 */
export async function revokeOwnSession(
  actor: Actor,
  publicId: string,
  context: RequestContext,
): Promise<void> {
  if (publicId === sessionPublicId(actor.sessionId)) {
    throw new AccountError('This is the session you are using. Use "Sign out" to end it.');
  }
  const target = (await listSessions(actor.userId)).find((s) => sessionPublicId(s.id) === publicId);
  if (!target || !(await revokeSession(actor.userId, target.id))) {
    throw new AccountError('That session was not found. It may have ended already.');
  }
  await recordAuditEvent({
    action: 'session.revoked',
    outcome: 'success',
    actorUserId: actor.userId,
    actorEmail: actor.email,
    targetType: 'session',
    targetId: publicId,
    context,
    details: { session_ip: target.ip, session_user_agent: target.userAgent.slice(0, 200) },
  });
}

/** "Sign out of all other sessions". Returns how many ended. */
export async function revokeOtherSessions(actor: Actor, context: RequestContext): Promise<number> {
  const ended = await revokeAllSessions(actor.userId, actor.sessionId);
  await recordAuditEvent({
    action: 'session.revoked_all',
    outcome: 'success',
    actorUserId: actor.userId,
    actorEmail: actor.email,
    targetType: 'user',
    targetId: actor.userId,
    context,
    details: { reason: 'user_request', sessions: ended },
  });
  return ended;
}
