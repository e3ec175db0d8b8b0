import { insertMember, insertMerchant, insertUser } from '@/tests/helpers/fixtures';
import type { ApiKeyActor } from '@/lib/api-keys/actor';

/** A merchant (active and verified unless told otherwise) with its owner as the acting user. */
export async function actorForNewMerchant(over: Record<string, unknown> = {}): Promise<ApiKeyActor> {
  const merchantId = await insertMerchant({ status: 'active', verification_status: 'verified', ...over });
  const email = `dev-${merchantId.slice(0, 8)}@example.test`;
  const userId = await insertUser({ email });
  await insertMember(merchantId, userId, { role: 'developer' });
  return { merchantId, userId, email, context: { ip: '127.0.0.1', userAgent: 'vitest' } };
}
