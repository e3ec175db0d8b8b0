import { fromPublicId, toPublicId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import { customerCardSummaries, type CardSummary } from '@/lib/vault';
import { openPii, type Address } from './pii';
import { findCustomer, type Scope } from './repository';

/**
 * One customer for the dashboard, with its saved cards (brand, last four,
 * expiry). The sealed name, phone and address are opened only when the
 * caller asks (`withPii`): the page decides by the viewer's role. Null for a
 * malformed id, an unknown or deleted one, or another merchant's or mode's.
 */
export interface CustomerDetail {
  id: string;
  email: string | null;
  description: string | null;
  created: Date | null;
  metadata: Record<string, string>;
  pii: { name: string | null; phone: string | null; address: Address | null } | null;
  cards: CardSummary[];
  /** The UUID, for the customer's payments. */
  internalId: string;
}

export async function getCustomerForDashboard(
  tx: DbTx,
  scope: Scope,
  publicId: string,
  options: { withPii: boolean },
): Promise<CustomerDetail | null> {
  const id = fromPublicId('cus', publicId);
  if (!id) return null;
  const row = await findCustomer(tx, scope, id);
  if (!row || row.deletedAt) return null;
  const cards = await customerCardSummaries(tx, scope, id);
  let pii: CustomerDetail['pii'] = null;
  if (options.withPii) {
    const opened = openPii(row.id, row.encryptedPii, row.encryptionKeyId);
    pii = { name: opened.name, phone: opened.phone ?? row.phone, address: opened.address };
  }
  return {
    id: toPublicId('cus', row.id),
    email: row.email,
    description: row.description,
    created: row.createdAt,
    metadata: row.metadata as Record<string, string>,
    pii,
    cards,
    internalId: row.id,
  };
}
