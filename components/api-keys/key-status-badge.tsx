import { Badge } from '@/components/account/section';
import type { ApiKeyStatus } from '@/lib/api-keys/api-key-view';

const LABELS: Record<ApiKeyStatus, string> = {
  active: 'Active',
  expiring: 'Expiring',
  expired: 'Expired',
  revoked: 'Revoked',
};
const TONES = { active: 'green', expiring: 'amber', expired: 'slate', revoked: 'slate' } as const;

export function KeyStatusBadge({ status }: { status: ApiKeyStatus }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}
