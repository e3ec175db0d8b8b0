import { randomBase62 } from '@/lib/api-keys/key-format';

/** `req_` and 20 random base62 characters, like Stripe's request ids. */
export function newRequestId(): string {
  return `req_${randomBase62(20)}`;
}
