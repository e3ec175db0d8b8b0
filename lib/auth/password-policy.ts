import { z } from 'zod';

/**
 * At least 12 characters with a letter and a digit, at most 128 (argon2 has no
 * length limit, but an unbounded input is a denial-of-service lever).
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
/** A change may not reuse the current password or the three before it. */
export const PASSWORD_HISTORY_DEPTH = 4;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((p) => /\p{L}/u.test(p), 'Include at least one letter.')
  .refine((p) => /\p{N}/u.test(p), 'Include at least one digit.');

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(255, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address.'));
