/** merchants.email is UNIQUE: one business per contact address. */
export class MerchantEmailTakenError extends Error {
  constructor() {
    super('merchant email taken');
  }
}

/** Missing, or a merchant the user is not a member of: the same answer. */
export class MerchantNotFoundError extends Error {
  constructor() {
    super('merchant not found');
  }
}
