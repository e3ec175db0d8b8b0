import { randomBytes } from 'node:crypto';

/**
 * Secrets for a test process, fresh per process unless the caller set them:
 * no test depends on a fixed key, and none can leak a real one.
 */
process.env.AUTH_SECRET ??= randomBytes(48).toString('base64');
process.env.API_KEY_HMAC_SECRET ??= randomBytes(48).toString('base64');
process.env.CARD_FINGERPRINT_SECRET ??= randomBytes(48).toString('base64');
process.env.ENCRYPTION_KEYS ??= `test-k1:${randomBytes(32).toString('base64')}`;
// Unit tests never connect; lib/env.ts only needs a well-formed URL.
process.env.DATABASE_URL ??= 'postgres://unit-tests-do-not-connect@127.0.0.1:1/none';
