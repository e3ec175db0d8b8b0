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
  /** Show the page of events older than this id (the current page's last id). */
  before?: bigint;
  /** Show the page of events newer than this id (the current page's first id). */
  after?: bigint;
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
  /** The `before` of the next older page, when there is one. */
  olderBefore: string | null;
  /** The `after` of the next newer page, when there is one. */
  newerAfter: string | null;
}

function where(filters: Omit<AuditFilters, 'before' | 'after'>): Prisma.AuditLogWhereInput {
  const w: Prisma.AuditLogWhereInput = {};
  if (filters.action) w.action = filters.action;
  if (filters.outcome) w.outcome = filters.outcome;
  if (filters.actorEmail) w.actorEmail = { contains: escapeLike(filters.actorEmail), mode: 'insensitive' };
  if (filters.merchantId) w.merchantId = filters.merchantId;
  if (filters.from || filters.until) w.occurredAt = { gte: filters.from, lt: filters.until };
  return w;
}

export async function listAuditEvents(filters: AuditFilters, tx: DbTx = db()): Promise<AuditPage> {
  const base = where(filters);
  // Walking towards newer events reads ascending from the cursor, then flips.
  const page =
    filters.after !== undefined
      ? (
          await tx.auditLog.findMany({
            where: { ...base, id: { gt: filters.after } },
            orderBy: { id: 'asc' },
            take: AUDIT_PAGE_SIZE,
          })
        ).reverse()
      : await tx.auditLog.findMany({
          where: filters.before !== undefined ? { ...base, id: { lt: filters.before } } : base,
          orderBy: { id: 'desc' },
          take: AUDIT_PAGE_SIZE,
        });
  const [newest, oldest] = [page[0]?.id, page.at(-1)?.id];
  const exists = async (id: Prisma.BigIntFilter) =>
    (await tx.auditLog.findFirst({ where: { ...base, id }, select: { id: true } })) !== null;
  const [hasNewer, hasOlder] = await Promise.all([
    newest !== undefined ? exists({ gt: newest }) : false,
    oldest !== undefined ? exists({ lt: oldest }) : false,
  ]);

  // The log has no foreign keys (it outlives what it names), so names are looked up, not joined.
  const merchantIds = [...new Set(page.flatMap((e) => (e.merchantId ? [e.merchantId] : [])))];
  const merchants = merchantIds.length
    ? await tx.merchant.findMany({
        where: { id: { in: merchantIds } },
        select: { id: true, businessName: true },
      })
    : [];
  const names = new Map(merchants.map((m) => [m.id, m.businessName]));
  return {
    rows: page.map((e) => ({
      ...e,
      id: e.id.toString(),
      merchantName: e.merchantId ? (names.get(e.merchantId) ?? null) : null,
    })),
    olderBefore: hasOlder ? oldest!.toString() : null,
    newerAfter: hasNewer ? newest!.toString() : null,
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
