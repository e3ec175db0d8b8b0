import type { AdminMerchantDetail } from '@/lib/admin/get-merchant-for-admin';
import { ROLE_LABELS, isRole } from '@/lib/auth/permissions';
import { Card, DetailList } from './card';
import { formatDateTime } from './format';

const BUSINESS_TYPES: Record<string, string> = {
  individual: 'Individual',
  sole_proprietorship: 'Sole proprietorship',
  partnership: 'Partnership',
  llc: 'LLC',
  corporation: 'Corporation',
  non_profit: 'Non-profit',
  government_entity: 'Government entity',
};

/** The address is JSONB (line1, line2, city, state, postal_code, country); show what is there. */
function addressLines(address: unknown): string[] {
  if (!address || typeof address !== 'object' || Array.isArray(address)) return [];
  const a = address as Record<string, unknown>;
  const s = (k: string) => {
    const v = a[k];
    return typeof v === 'string' ? v.trim() : '';
  };
  const cityLine = [s('city'), [s('state'), s('postal_code')].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [s('line1'), s('line2'), cityLine, s('country')].filter(Boolean);
}

export function MerchantOverview({ merchant }: { merchant: AdminMerchantDetail }) {
  const lines = addressLines(merchant.address);
  return (
    <>
      <Card title="Business details">
        <DetailList
          items={[
            ['Business name', merchant.businessName],
            ['Legal name', merchant.legalName],
            [
              'Business type',
              merchant.businessType ? (BUSINESS_TYPES[merchant.businessType] ?? merchant.businessType) : null,
            ],
            ['Tax ID', merchant.taxId],
            ['Email', merchant.email],
            ['Phone', merchant.phone],
            ['Website', merchant.website],
            ['Currency', merchant.currency],
            ['Risk level', merchant.riskLevel],
            ['Created', formatDateTime(merchant.createdAt)],
          ]}
        />
      </Card>

      <Card title="Address">
        {lines.length ? (
          <address className="text-sm leading-6 text-slate-900 not-italic">
            {lines.map((l) => (
              <span key={l} className="block">
                {l}
              </span>
            ))}
          </address>
        ) : (
          <p className="text-sm text-slate-500">No address on file.</p>
        )}
      </Card>

      <Card title={`Members (${merchant.members.length})`}>
        {merchant.members.length ? (
          <table className="min-w-full text-sm">
            <caption className="sr-only">Members</caption>
            <thead>
              <tr className="text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
                <th scope="col" className="pb-2">
                  Email
                </th>
                <th scope="col" className="pb-2">
                  Name
                </th>
                <th scope="col" className="pb-2">
                  Role
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {merchant.members.map((m) => (
                <tr key={m.user.userId}>
                  <td className="py-2 pr-4 text-slate-900">{m.user.email}</td>
                  <td className="py-2 pr-4 text-slate-700">{m.user.name ?? '—'}</td>
                  <td className="py-2 text-slate-700">{isRole(m.role) ? ROLE_LABELS[m.role] : m.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-slate-500">No members.</p>
        )}
      </Card>

      <Card title="Verification notes">
        {merchant.verificationNotes ? (
          <p className="text-sm whitespace-pre-line text-slate-900">{merchant.verificationNotes}</p>
        ) : (
          <p className="text-sm text-slate-500">No notes.</p>
        )}
      </Card>
    </>
  );
}
