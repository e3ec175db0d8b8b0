import { Badge } from '@/components/account/section';
import type { EndpointNeedingAttention } from '@/lib/webhooks/list-endpoints-needing-attention';

/** Enabled, disabled by someone, or disabled by the system (and why). */
export function EndpointStatus({
  status,
  attention,
}: {
  status: 'enabled' | 'disabled';
  attention: EndpointNeedingAttention | null;
}) {
  if (status === 'enabled') return <Badge tone="green">Enabled</Badge>;
  if (!attention) return <Badge tone="slate">Disabled</Badge>;
  return (
    <Badge tone="red">
      {attention.reason === 'gone'
        ? 'Disabled: receiver answered 410 Gone'
        : 'Disabled after 3 days of failures'}
    </Badge>
  );
}
