/** A webhook form's problem with what was submitted, shown next to the field (or above the form). */
export class WebhookFormError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookFormError';
  }
}
