import type { AuditAction } from '@/lib/audit/record-audit-event';
import { db, type DbTx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { escapeLike } from './like-pattern';

/**
 * The audit log for platform operators: newest first, filtered, in pages of
 * AUDIT_PAGE_SIZE. Pages are keyed by id (an identity, so it grows in insertion
 * order) rather than by offset, so a page stays the same while new events keep
 * arriving at the top, and deep pages cost no more than the first.
 */
export const AUDIT_PAGE_SIZE = 50;

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditFilters {
  action?: string;
  outcome?: AuditOutcome;
  /** Part of the actor's e-mail address, case-insensitive. */
  actorEmail?: string;
  merchantId?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  until?: Date;
  /** Show events older than this id (the previous page's last id). */
  before?: bigint;
}

export interface AuditEventRow {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorEmail: string | null;
  merchantId: string | null;
  merchantName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  details: Prisma.JsonValue;
}

export interface AuditPage {
  rows: AuditEventRow[];
  /** The `before` for the next (older) page, when there is one. */
  nextBefore: string | null;
}

function where(filters: AuditFilters): Prisma.AuditLogWhereInput {
  const w: Prisma.AuditLogWhereInput = {};
  if (filters.action) w.action = filters.action;
  if (filters.outcome) w.outcome = filters.outcome;
  if (filters.actorEmail) w.actorEmail = { contains: escapeLike(filters.actorEmail), mode: 'insensitive' };
  if (filters.merchantId) w.merchantId = filters.merchantId;
  if (filters.from || filters.until) w.occurredAt = { gte: filters.from, lt: filters.until };
  if (filters.before !== undefined) w.id = { lt: filters.before };
  return w;
}

export async function listAuditEvents(filters: AuditFilters, tx: DbTx = db()): Promise<AuditPage> {
  // One extra row tells whether an older page exists.
  const found = await tx.auditLog.findMany({
    where: where(filters),
    orderBy: { id: 'desc' },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = found.slice(0, AUDIT_PAGE_SIZE);
  // The log has no foreign keys (it outlives what it names), so names are looked up, not joined.
  const merchantIds = [...new Set(page.flatMap((e) => (e.merchantId ? [e.merchantId] : [])))];
  const merchants = merchantIds.length
    ? await tx.merchant.findMany({ where: { id: { in: merchantIds } }, select: { id: true, businessName: true } })
    : [];
  const names = new Map(merchants.map((m) => [m.id, m.businessName]));
  return {
    rows: page.map((e) => ({
      ...e,
      id: e.id.toString(),
      merchantName: e.merchantId ? (names.get(e.merchantId) ?? null) : null,
    })),
    nextBefore: found.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id.toString() : null,
  };
}

/** Actions to suggest in the filter; any other action string can be typed. */
export const KNOWN_AUDIT_ACTIONS = [
  'user.sign_up',
  'user.sign_in',
  'user.sign_out',
  'user.locked',
  'user.password_changed',
  'user.two_factor_enabled',
  'user.two_factor_disabled',
  'user.recovery_codes_regenerated',
  'session.revoked',
  'session.revoked_all',
  'merchant.created',
  'merchant.updated',
  'merchant.verification',
  'merchant.status_changed',
  'member.invited',
  'member.invitation_revoked',
  'member.joined',
  'member.role_changed',
  'member.removed',
  'permission.denied',
  'csrf.rejected',
] as const satisfies readonly AuditAction[];
