/** The product's display name, in one place so pages, metadata and emails agree. */
export const PRODUCT_NAME = 'Self-hosted Payments';

export const PRODUCT_DESCRIPTION =
  'A self-hosted, Stripe-compatible payments platform: the /v1 API the official Stripe SDKs work against unchanged, a merchant dashboard, hosted checkout pages and a worker that delivers webhooks.';
