import type { Metadata } from 'next';
import { formatDate, formatDateTime } from '@/components/account/format';
import { Section } from '@/components/account/section';
import { CreateKeyForm } from '@/components/api-keys/create-key-form';
import { KeyRowActions } from '@/components/api-keys/key-row-actions';
import { KeyStatusBadge } from '@/components/api-keys/key-status-badge';
import { KEY_TYPE_LABELS } from '@/lib/api-keys/key-format';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { RESOURCE_LABELS, RESOURCES } from '@/lib/api-keys/permissions';
import type { ApiKeyView } from '@/lib/api-keys/api-key-view';
import { requireMerchant } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { createApiKeyAction, revokeApiKeyAction, rollApiKeyAction } from './actions';
import { DataTable } from '@/components/ui/data-table';

export const metadata: Metadata = { title: 'API keys' };

const td = 'px-4 py-3 text-sm text-slate-700 align-top';

function permissionSummary(key: ApiKeyView): string | null {
  if (!key.permissions) return null;
  const granted = RESOURCES.filter((r) => key.permissions![r] !== 'none').map(
    (r) => `${RESOURCE_LABELS[r]} (${key.permissions![r]})`,
  );
  return granted.join(', ');
}

export default async function ApiKeysPage() {
  // Analysts and support staff get a 403 here: keys are the developers' business.
  const ctx = await requireMerchant('developers:read');
  const keys = await listApiKeys(ctx.merchant.id, ctx.mode);
  const canWrite = can(ctx.role, 'developers:write');
  const modeLabel = ctx.mode === 'live' ? 'live' : 'test';

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-medium text-indigo-700">Developers</p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">API keys</h1>
        <p className="mt-1 max-w-2xl text-slate-600">
          Keys authenticate requests to the API. You are looking at {modeLabel} mode keys: {modeLabel} keys
          only ever see {modeLabel} data. Switch modes at the top of the page.
        </p>
      </div>

      {canWrite ? (
        <Section
          id="create"
          title={`Create a ${modeLabel} key`}
          description="The full key is shown once, when it is created. Store it in your server's secrets, never in code."
        >
          <CreateKeyForm action={createApiKeyAction} mode={ctx.mode} />
        </Section>
      ) : null}

      <Section
        id="keys"
        title={`${modeLabel === 'live' ? 'Live' : 'Test'} keys`}
        description={`${keys.length} ${keys.length === 1 ? 'key' : 'keys'}`}
      >
        {keys.length === 0 ? (
          <p className="text-sm text-slate-600">No {modeLabel} keys yet.</p>
        ) : (
          <DataTable
            caption="API keys"
            columns={[
              { label: 'Name' },
              { label: 'Type' },
              { label: 'Key' },
              { label: 'Created' },
              { label: 'Last used' },
              { label: 'Expires' },
              { label: 'Status' },
              canWrite && { label: 'Actions', hidden: true },
            ]}
          >
            {keys.map((key) => {
              const summary = permissionSummary(key);
              const label = `${key.name ?? 'key'} (${key.prefix}…)`;
              return (
                <tr key={key.id}>
                  <td className={`${td} font-medium text-slate-900`}>
                    {key.name ?? '—'}
                    {summary !== null ? (
                      <p className="mt-1 max-w-xs text-xs font-normal text-slate-500">{summary}</p>
                    ) : null}
                  </td>
                  <td className={td}>{KEY_TYPE_LABELS[key.type]}</td>
                  <td className={`${td} font-mono whitespace-nowrap`}>{key.prefix}…</td>
                  <td className={`${td} whitespace-nowrap`}>{formatDate(key.createdAt)}</td>
                  <td className={`${td} whitespace-nowrap`}>
                    {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}
                  </td>
                  <td className={`${td} whitespace-nowrap`}>
                    {key.expiresAt ? formatDateTime(key.expiresAt) : 'Never'}
                  </td>
                  <td className={td}>
                    <KeyStatusBadge status={key.status} />
                  </td>
                  {canWrite ? (
                    <td className={`${td} text-right`}>
                      {key.status !== 'revoked' ? (
                        <KeyRowActions
                          keyId={key.id}
                          label={label}
                          canRoll={key.status !== 'expired'}
                          rollAction={rollApiKeyAction}
                          revokeAction={revokeApiKeyAction}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </DataTable>
        )}
      </Section>
    </div>
  );
}
