/**
 * Hosted checkout: what the page (app/checkout/**) calls. The /v1 routes and
 * the worker import the individual use cases directly.
 */
export { getCheckoutPage } from './get-checkout-page';
export { payCheckoutSession, type PayInput } from './pay-checkout-session';
export { payInputErrors, type PayErrors, type PayField } from './pay-input';
export { imageUrlProblem, redirectUrlProblem, fillSessionId } from './redirect-url';
export { parseCheckoutSessionId, checkoutSessionId } from './session-id';
export type { CheckoutPageView, PayOutcome } from './types';
