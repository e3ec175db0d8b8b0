/**
 * Why a sign-in failed, as next-auth passes it to the sign-in page (the error
 * string). The page maps each to one message; `invalid_credentials` covers an
 * unknown e-mail, a wrong password and a locked account alike, so the answer
 * never tells whether an address has an account.
 */
export const SIGN_IN_ERRORS = {
  invalid_credentials: 'Incorrect email or password.',
  two_factor_required: 'Enter the 6-digit code from your authenticator app, or a recovery code.',
  invalid_two_factor: 'That code is not valid. Try the current code from your authenticator app.',
  unavailable: 'Sign-in is temporarily unavailable. Please try again in a few minutes.',
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

export class SignInError extends Error {
  constructor(readonly code: SignInErrorCode) {
    super(code);
  }
}

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return code in SIGN_IN_ERRORS ? SIGN_IN_ERRORS[code as SignInErrorCode] : SIGN_IN_ERRORS.invalid_credentials;
}
