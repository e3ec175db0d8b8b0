import { toPublicId } from '@/lib/api/object-id';
import type { DbTx } from '@/lib/db/client';
import { appUrl } from '@/lib/env';
import { finishPendingWebhook } from '@/lib/events/outbox';
import { log } from '@/lib/log';
import { queueMail } from '@/lib/mail/queue-mail';
import { closePendingDeliveries } from './deliveries-repository';
import { merchantOwners, updateEndpointRow, type EndpointRow } from './repository';

/**
 * The system turns an endpoint off: every delivery failed for 3 days
 * ('failing') or the receiver answered 410 Gone ('gone'). Its pending
 * deliveries close, the merchant's owners are mailed (mail outbox, same
 * transaction) and the dashboard shows a banner (listEndpointsNeedingAttention)
 * until someone enables the endpoint again. The caller holds the endpoint's lock.
 */
export async function disableEndpoint(
  tx: DbTx,
  endpoint: EndpointRow,
  reason: 'failing' | 'gone',
  now: Date,
): Promise<void> {
  if (endpoint.status !== 'enabled') return;
  await updateEndpointRow(tx, endpoint.id, {
    status: 'disabled',
    disabledReason: reason,
    disabledAt: now,
    updatedAt: now,
  });
  for (const eventId of await closePendingDeliveries(tx, endpoint.id, now)) {
    await finishPendingWebhook(tx, eventId);
  }
  const { businessName, owners } = await merchantOwners(tx, endpoint.merchantId);
  const publicId = toPublicId('we', endpoint.id);
  const why =
    reason === 'gone'
      ? 'it answered 410 Gone, which tells us the endpoint no longer exists'
      : 'every delivery to it has failed for the last 3 days';
  const mode = endpoint.livemode ? 'live' : 'test';
  for (const owner of owners) {
    await queueMail(
      {
        to: owner.email,
        kind: 'webhook_endpoint_disabled',
        userId: owner.userId,
        merchantId: endpoint.merchantId,
        subject: `Webhook endpoint disabled for ${businessName}`,
        body:
          `We have disabled the ${mode} mode webhook endpoint ${endpoint.url} (${publicId}) of ${businessName} because ${why}.\n\n` +
          `No events are sent to it while it is disabled. Once the receiver works again, enable the endpoint in Developers → Webhooks ` +
          `(${appUrl()}/dashboard/developers/webhooks) and resend the events you need from its delivery log.`,
      },
      tx,
    );
  }
  log.warn('webhook endpoint disabled', { endpointId: publicId, merchantId: endpoint.merchantId, reason });
}
