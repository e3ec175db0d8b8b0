import { Badge } from '@/components/account/section';
import type { DisplayStatus } from '@/lib/payments/dashboard/display-status';

const LABELS: Record<DisplayStatus, { label: string; tone: 'green' | 'slate' | 'amber' | 'indigo' | 'red' }> =
  {
    succeeded: { label: 'Succeeded', tone: 'green' },
    partially_refunded: { label: 'Partially refunded', tone: 'green' },
    refunded: { label: 'Refunded', tone: 'slate' },
    disputed: { label: 'Disputed', tone: 'red' },
    requires_capture: { label: 'Uncaptured', tone: 'indigo' },
    requires_payment_method: { label: 'Incomplete', tone: 'amber' },
    requires_confirmation: { label: 'Incomplete', tone: 'amber' },
    requires_action: { label: 'Awaiting authentication', tone: 'amber' },
    processing: { label: 'Processing', tone: 'amber' },
    failed: { label: 'Failed', tone: 'red' },
    canceled: { label: 'Canceled', tone: 'slate' },
  };

export function PaymentStatusBadge({ status }: { status: DisplayStatus }) {
  const { label, tone } = LABELS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
