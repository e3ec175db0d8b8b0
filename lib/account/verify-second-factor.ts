import { db } from '@/lib/db/client';
import { hashRecoveryCode, looksLikeRecoveryCode } from '@/lib/auth/recovery-codes';
import { verifyTotp } from '@/lib/auth/totp';
import { openTotpSecret } from './two-factor-secret';

export type SecondFactorMatch = { kind: 'totp'; step: number } | { kind: 'recovery_code'; id: string };

interface TwoFactorUser {
  userId: string;
  totpSecretEncrypted: Uint8Array | null;
  totpKeyId: string | null;
  totpLastStep: bigint | null;
}

/**
 * Checks a code against an enabled second factor the way sign-in does: a TOTP
 * code newer than the last accepted step, or an unused recovery code. Only
 * checks; the caller marks the step or the code as used in its transaction
 * (with a conditional update, so a racing request cannot use it too).
 */
export async function verifySecondFactor(
  user: TwoFactorUser,
  code: string,
  nowMs: number,
): Promise<SecondFactorMatch | null> {
  const candidate = code.trim();
  if (!candidate || !user.totpSecretEncrypted || !user.totpKeyId) return null;
  if (looksLikeRecoveryCode(candidate)) {
    const match = await db().recoveryCode.findFirst({
      where: { userId: user.userId, codeHash: hashRecoveryCode(candidate), usedAt: null },
      select: { id: true },
    });
    return match ? { kind: 'recovery_code', id: match.id } : null;
  }
  const secret = openTotpSecret(user.userId, user.totpSecretEncrypted, user.totpKeyId);
  const lastStep = user.totpLastStep === null ? null : Number(user.totpLastStep);
  const step = verifyTotp(secret, candidate, nowMs, lastStep);
  return step === null ? null : { kind: 'totp', step };
}
