import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { toApiKeyView, type ApiKeyView } from './api-key-view';
import type { KeyEnvironment } from './key-format';
import { pendingLastUsed } from './touch-last-used';

/**
 * A merchant's keys in one environment, newest first; revoked keys last. Last
 * use includes uses recorded in Redis and not yet flushed, so the page is
 * current to the second.
 */
export async function listApiKeys(merchantId: string, environment: KeyEnvironment): Promise<ApiKeyView[]> {
  const rows = await db().merchantApiKey.findMany({
    where: { merchantId, environment },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  const now = clock.now();
  const pending = await pendingLastUsed(rows.map((r) => r.id));
  const views = rows.map((row) => {
    const view = toApiKeyView(row, now);
    const recent = pending.get(row.id);
    if (recent && (!view.lastUsedAt || recent > view.lastUsedAt)) view.lastUsedAt = recent;
    return view;
  });
  const rank = (v: ApiKeyView) => (v.status === 'revoked' ? 2 : v.status === 'expired' ? 1 : 0);
  return views.sort((a, b) => rank(a) - rank(b));
}
