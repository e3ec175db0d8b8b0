import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestContext } from '@/lib/auth/request-context';
import { db, type DbTx } from '@/lib/db/client';
import { queueMail } from '@/lib/mail/queue-mail';
import { decideVerification, nextMerchantStatus, type VerificationDecision } from './verification-rules';

export interface Actor {
  userId: string;
  email: string;
}

const MAIL: Record<
  VerificationDecision['verificationStatus'],
  (name: string, notes: string | null) => { subject: string; body: string }
> = {
  verified: (name) => ({
    subject: `${name} is verified`,
    body: `We verified the details of ${name}. Your account is active and live mode is available in the dashboard.`,
  }),
  failed: (name, notes) => ({
    subject: `Action needed: we could not verify ${name}`,
    body: `We could not verify the details of ${name}: ${notes ?? 'no reason was given'}.\n\nCorrect them in the dashboard under Settings → Business; saving runs the check again. Test mode stays available meanwhile.`,
  }),
  pending: (name) => ({
    subject: `${name} is under review`,
    body: `The details of ${name} need a manual review by our team. We will write again when it is done. Test mode is available meanwhile.`,
  }),
};

/**
 * Runs the (simulated) verification of a merchant's details and records the
 * outcome: verification status and notes, the account status (a pending account
 * becomes active once verified), an audit row and a mail to the owners. Pass the
 * transaction of the change that triggered it, so both commit or neither does.
 * Callers invalidate the merchant cache after the commit.
 */
export async function verifyMerchant(
  merchantId: string,
  actor: Actor | null,
  context: RequestContext | undefined,
  tx: DbTx = db(),
): Promise<VerificationDecision & { status: string }> {
  const merchant = await tx.merchant.findUniqueOrThrow({
    where: { id: merchantId },
    select: { id: true, businessName: true, taxId: true, status: true },
  });
  const decision = decideVerification(merchant.taxId);
  const status = nextMerchantStatus(merchant.status, decision);
  await tx.merchant.update({
    where: { id: merchant.id },
    data: { verificationStatus: decision.verificationStatus, verificationNotes: decision.notes, status },
  });
  await recordAuditEvent(
    {
      action: 'merchant.verification',
      outcome: decision.verificationStatus === 'failed' ? 'failure' : 'success',
      actorUserId: actor?.userId ?? null,
      actorEmail: actor?.email ?? null,
      merchantId: merchant.id,
      targetType: 'merchant',
      targetId: merchant.id,
      context,
      details: { verification_status: decision.verificationStatus, status, previous_status: merchant.status },
    },
    tx,
  );
  const owners = await tx.merchantMember.findMany({
    where: { merchantId: merchant.id, role: 'owner' },
    select: { user: { select: { userId: true, email: true } } },
  });
  const mail = MAIL[decision.verificationStatus](merchant.businessName, decision.notes);
  for (const { user } of owners) {
    await queueMail(
      {
        to: user.email,
        userId: user.userId,
        merchantId: merchant.id,
        kind: 'merchant_verification',
        ...mail,
      },
      tx,
    );
  }
  return { ...decision, status };
}
