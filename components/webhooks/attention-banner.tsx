import Link from 'next/link';
import type { EndpointNeedingAttention } from '@/lib/webhooks/list-endpoints-needing-attention';
import { WEBHOOKS_PATH } from './paths';

/**
 * The dashboard-wide banner for endpoints the system disabled (3 days of
 * failed deliveries, or a 410 Gone). It goes away once the endpoint is enabled
 * again (or deleted).
 */
export function WebhookAttentionBanner({ endpoints }: { endpoints: EndpointNeedingAttention[] }) {
  if (endpoints.length === 0) return null;
  return (
    <div role="alert" className="border-b border-red-200 bg-red-50 px-6 py-3 text-sm text-red-900">
      <ul className="space-y-1">
        {endpoints.map(({ endpoint, reason }) => (
          <li key={endpoint.id}>
            Webhook endpoint <span className="font-mono break-all">{endpoint.url}</span> was disabled{' '}
            {reason === 'gone' ? 'because it answered 410 Gone' : 'after 3 days of failures'}.{' '}
            <Link href={`${WEBHOOKS_PATH}/${endpoint.id}`} className="font-semibold underline">
              Review the endpoint
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
