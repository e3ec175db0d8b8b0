import { Badge } from '@/components/account/section';

/** An HTTP status, coloured by class: 2xx green, 4xx amber, 5xx red. */
export function RequestStatusBadge({ status }: { status: number }) {
  const tone =
    status >= 500 ? 'red' : status >= 400 ? 'amber' : status >= 200 && status < 300 ? 'green' : 'slate';
  return <Badge tone={tone}>{status}</Badge>;
}
