import type { DbTx } from '@/lib/db/client';
import { generateRecoveryCodes, hashRecoveryCode } from '@/lib/auth/recovery-codes';

/**
 * Replaces every recovery code of a user (used or not) with a fresh set and
 * returns the new codes in clear text: the only moment they exist outside the
 * person's safekeeping. Runs inside the caller's transaction.
 */
export async function replaceRecoveryCodes(userId: string, tx: DbTx): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })),
  });
  return codes;
}
