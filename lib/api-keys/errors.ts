/** Failures the key-management use cases report to the page (never a key or hash in the message). */
export class ApiKeyNotFoundError extends Error {
  override name = 'ApiKeyNotFoundError';
  constructor() {
    super('That API key does not exist.');
  }
}

export class ApiKeyNotRollableError extends Error {
  override name = 'ApiKeyNotRollableError';
  constructor() {
    super('Only an active key can be rolled.');
  }
}

export class LiveKeysUnavailableError extends Error {
  override name = 'LiveKeysUnavailableError';
  constructor() {
    super('Live keys are available once the account is active and verified.');
  }
}

export class NoPermissionsGrantedError extends Error {
  override name = 'NoPermissionsGrantedError';
  constructor() {
    super('Give the restricted key read or write access to at least one resource.');
  }
}

export function apiKeyErrorMessage(err: unknown): string | null {
  if (
    err instanceof ApiKeyNotFoundError ||
    err instanceof ApiKeyNotRollableError ||
    err instanceof LiveKeysUnavailableError ||
    err instanceof NoPermissionsGrantedError
  )
    return err.message;
  return null;
}
