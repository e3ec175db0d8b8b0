import type { ActionState } from '@/lib/auth/action';

/**
 * A refusal the person can act on ("your current password is not correct"),
 * as opposed to a fault. Server actions show `message`, next to `field` when
 * one is named; anything else that is thrown is a bug and surfaces as a 500.
 */
export class AccountError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

/**
 * The form state for a refusal: next to its field when it has one, otherwise
 * for the whole form. Anything that is not an AccountError is rethrown.
 */
export function accountErrorState(err: unknown): ActionState {
  if (!(err instanceof AccountError)) throw err;
  return err.field
    ? { ok: false, fieldErrors: { [err.field]: [err.message] } }
    : { ok: false, error: err.message };
}
