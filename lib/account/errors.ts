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
