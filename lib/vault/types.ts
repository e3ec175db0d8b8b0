import type { PaymentMethodObject } from './schemas';

/** Whose vault: every function takes the merchant and the mode (the API caller is one). */
export interface Scope {
  merchantId: string;
  livemode: boolean;
}

/** A resolved PaymentMethod, for the payment code: what it needs to decide, never the card. */
export interface VaultedMethod {
  token: string;
  customerId: string | null;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  /** card.fingerprint: the same card gives the same value within a merchant. */
  fingerprint: string;
  /** False once detached: it may not be used for a payment again. */
  usable: boolean;
  object: PaymentMethodObject;
}

/** Public ids of vaulted PaymentMethods (the primary key itself). */
export const VAULT_TOKEN = /^pm_[0-9A-Za-z]{24}$/;
export const isVaultToken = (id: string) => VAULT_TOKEN.test(id);
