import type { Task } from 'graphile-worker';
import { z } from 'zod';
import { deliverWebhook } from '@/lib/webhooks/deliver-webhook';
import { disableFailingEndpoints } from '@/lib/webhooks/disable-failing-endpoints';
import { purgeDeliveryLog, WEBHOOK_LOG_RETENTION_DAYS } from '@/lib/webhooks/purge-delivery-log';
import { relayEvents } from '@/lib/webhooks/relay-events';
import { requeueOverdueDeliveries } from '@/lib/webhooks/requeue-overdue-deliveries';

/**
 * The webhooks jobs (docs/webhooks.md). The relay is woken by the
 * events_committed notification (worker/event-listener.ts) and by the sweep;
 * each delivery attempt is its own job, added in the transaction that
 * created or rescheduled the delivery.
 */
export const webhooksRelay: Task = async (_payload, helpers) => {
  const relayed = await relayEvents();
  if (relayed > 0) helpers.logger.debug(`relayed ${relayed} events`);
};

const deliverPayload = z.object({ deliveryId: z.uuid() });

export const webhookDeliver: Task = async (payload, helpers) => {
  const { deliveryId } = deliverPayload.parse(payload);
  const outcome = await deliverWebhook(deliveryId);
  helpers.logger.debug(`webhook delivery ${deliveryId}: ${outcome}`);
};

/** The safety net: events whose notification was missed, deliveries whose job was lost. */
export const webhooksSweep: Task = async (_payload, helpers) => {
  const relayed = await relayEvents();
  const requeued = await requeueOverdueDeliveries();
  if (relayed + requeued > 0)
    helpers.logger.info(`sweep relayed ${relayed} events, requeued ${requeued} deliveries`);
};

export const webhooksDisableFailing: Task = async (_payload, helpers) => {
  const disabled = await disableFailingEndpoints();
  if (disabled > 0) helpers.logger.info(`disabled ${disabled} webhook endpoints failing for 3 days`);
};

export const purgeWebhookDeliveries: Task = async (_payload, helpers) => {
  const deleted = await purgeDeliveryLog();
  if (deleted > 0)
    helpers.logger.info(
      `deleted ${deleted} webhook deliveries finished over ${WEBHOOK_LOG_RETENTION_DAYS} days ago`,
    );
};
