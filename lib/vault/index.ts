/**
 * The card vault: the only code that stores or opens card data. What other
 * areas use (the PaymentIntents code, the hosted checkout, the rotation
 * command) is exported here; a card number leaves only through
 * openCardForAuthorization, for one gateway call.
 */
export { attachPaymentMethod } from './attach-payment-method';
export { cardSummaries, customerCardSummaries, type CardSummary } from './card-summaries';
export { createCardPaymentMethod, type CreateCardInput } from './create-card-payment-method';
export { detachPaymentMethod } from './detach-payment-method';
export { getPaymentMethodObject } from './get-payment-method';
export { listCustomerPaymentMethods } from './list-customer-payment-methods';
export {
  openCardForAuthorization,
  openCardForPayment,
  type CardRiskFacts,
} from './open-card-for-authorization';
export { resolvePaymentMethod } from './resolve-payment-method';
export {
  rewrapVault,
  verifyVault,
  type RewrapResult,
  type RotationOptions,
  type VerifyResult,
} from './rewrap-vault';
export type { BillingDetailsParam, PaymentMethodObject } from './schemas';
export type { Scope, VaultedMethod } from './types';
export { updatePaymentMethod } from './update-payment-method';
