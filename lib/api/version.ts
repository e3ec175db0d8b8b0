/**
 * The API version this server speaks, sent back in `Stripe-Version` on every
 * response and published as the OpenAPI document's version. A request may name
 * another well-formed version: it is echoed, and the behaviour is this one.
 */
export const API_VERSION = '2026-10-28.endive';
export const API_VERSION_FORMAT = /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/;
