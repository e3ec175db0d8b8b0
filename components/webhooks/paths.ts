export const WEBHOOKS_PATH = '/dashboard/developers/webhooks';
export const EVENTS_PATH = '/dashboard/developers/events';
