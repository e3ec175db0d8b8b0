import { db, type DbTx } from '@/lib/db/client';

/**
 * Outgoing mail goes to the `mail_outbox` table in the same transaction as the
 * change it reports (an invitation, a lockout notice), so a rolled-back change
 * never mails. There is no mail server on our machines; the development mailbox
 * page shows the outbox in demo mode, and a relay can deliver it elsewhere.
 */
export type MailKind =
  | 'invitation'
  | 'account_locked'
  | 'password_changed'
  | 'two_factor_changed'
  | 'merchant_verification'
  | 'merchant_status'
  | 'webhook_endpoint_disabled';

export interface Mail {
  to: string;
  subject: string;
  body: string;
  kind: MailKind;
  userId?: string | null;
  merchantId?: string | null;
}

export async function queueMail(mail: Mail, tx: DbTx = db()): Promise<void> {
  await tx.mailOutbox.create({
    data: {
      toAddress: mail.to.toLowerCase(),
      subject: mail.subject,
      bodyText: mail.body,
      kind: mail.kind,
      userId: mail.userId ?? null,
      merchantId: mail.merchantId ?? null,
    },
  });
}
