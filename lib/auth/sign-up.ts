import { z } from 'zod';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { hashPassword } from './password';
import { emailSchema, passwordSchema } from './password-policy';
import type { RequestContext } from './request-context';

export const signUpSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter your name.').max(200, 'That name is too long.'),
  email: emailSchema,
  password: passwordSchema,
});

export type SignUpInput = z.infer<typeof signUpSchema>;

export class EmailTakenError extends Error {}

/** Creates a dashboard user (role `merchant`); the business is created by onboarding. */
export async function signUp(input: SignUpInput, context: RequestContext): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, role: 'merchant' },
        select: { userId: true },
      });
      await tx.passwordHistory.create({ data: { userId: user.userId, passwordHash } });
      await recordAuditEvent(
        { action: 'user.sign_up', outcome: 'success', actorUserId: user.userId, actorEmail: input.email, context },
        tx,
      );
      return user;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new EmailTakenError();
    throw err;
  }
}
