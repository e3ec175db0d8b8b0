import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing: argon2id with OWASP's baseline parameters (19 MiB, t=2, p=1).
 * The encoded hash carries its own parameters, so they can be raised later and
 * old hashes still verify.
 */
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, unusable under isolatedModules */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed verification, never a crash.
    return false;
  }
}
