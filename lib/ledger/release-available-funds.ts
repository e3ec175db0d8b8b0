import { clock } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { recordEvent } from '@/lib/events/record-event';
import type { Scope } from './accounts';
import { toNumber } from './amounts';
import { getBalance } from './get-balance';
import { lockDueEntries, markAvailable, moveBalance, type DueEntry, writeLinesBatch } from './repository';

const BATCH = 500;

/**
 * The worker's job (every five minutes): pending balance transactions whose
 * available_on has come move their net from merchant_pending to
 * merchant_available. Each batch is one transaction: its release lines, the
 * status change, the balance moves and a `balance.available` event per
 * merchant and mode commit together. Returns how many were released.
 */
export async function releaseAvailableFunds(now: Date = clock.now(), batchSize = BATCH): Promise<number> {
  let released = 0;
  for (;;) {
    const n = await db().$transaction(
      async (tx) => {
        const due = await lockDueEntries(tx, now, batchSize);
        if (due.length === 0) return 0;
        const at = clock.now();
        await writeLinesBatch(
          tx,
          due.flatMap((e) => [
            { entry: e, account: 'merchant_pending' as const, amount: -toNumber(e.net) },
            { entry: e, account: 'merchant_available' as const, amount: toNumber(e.net) },
          ]),
          at,
        );
        await markAvailable(
          tx,
          due.map((e) => e.id),
        );
        // Balance rows in a fixed order, so two releasers (or a releaser and a
        // payment) never wait on each other's rows in opposite orders.
        const groups = groupByBalance(due);
        for (const [, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
          await moveBalance(tx, g.scope, g.currency, { available: g.net, pending: -g.net });
        }
        const scopes = new Map(
          [...groups.values()].map((g) => [`${g.scope.merchantId}:${g.scope.livemode}`, g.scope]),
        );
        for (const scope of scopes.values()) {
          await recordEvent(tx, scope, {
            type: 'balance.available',
            object: { ...(await getBalance(tx, scope)) },
          });
        }
        return due.length;
      },
      { timeout: 60_000 },
    );
    released += n;
    if (n < batchSize) return released;
  }
}

function groupByBalance(due: DueEntry[]) {
  const groups = new Map<string, { scope: Scope; currency: string; net: number }>();
  for (const e of due) {
    const key = `${e.merchantId}:${e.livemode}:${e.currency}`;
    const g = groups.get(key) ?? {
      scope: { merchantId: e.merchantId, livemode: e.livemode },
      currency: e.currency,
      net: 0,
    };
    g.net += toNumber(e.net);
    groups.set(key, g);
  }
  return groups;
}
