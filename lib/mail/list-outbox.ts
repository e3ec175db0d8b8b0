import { db } from '@/lib/db/client';

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  kind: string;
  createdAt: Date;
}

/**
 * The newest outgoing mail, for the development mailbox page (demo and
 * development only: it shows every recipient's mail, invitation links included).
 */
export async function listOutbox(limit = 100): Promise<OutboxMail[]> {
  const rows = await db().mailOutbox.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, toAddress: true, subject: true, bodyText: true, kind: true, createdAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    to: r.toAddress,
    subject: r.subject,
    body: r.bodyText,
    kind: r.kind,
    createdAt: r.createdAt,
  }));
}
