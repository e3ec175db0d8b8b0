import { randomUUID } from 'node:crypto';
import type { AuthorizeRequest } from '@/lib/gateways/gateway';
import { query } from '@/tests/helpers/fixtures';

/** An authorization request for a test card, with a fresh reference unless given. */
export function authorizeRequest(
  number = '4242424242424242',
  over: Partial<AuthorizeRequest> = {},
): AuthorizeRequest {
  return {
    reference: `pi_${randomUUID()}`,
    amount: 2000,
    currency: 'USD',
    capture: false,
    card: { number, expMonth: 12, expYear: 2034, cvc: '123', brand: 'visa', last4: number.slice(-4) },
    ...over,
  };
}

/** A sandbox processor's book, as the database holds it. */
export function book(where = 'true', params: unknown[] = []) {
  return query<{
    gateway: string;
    reference: string;
    operation: string;
    status: string;
    amount: string;
    captured_amount: string;
    refunded_amount: string;
    voided: boolean;
  }>(
    `SELECT gateway, reference, operation, status, amount::text, captured_amount::text, refunded_amount::text, voided
       FROM sandbox_gateway_operations WHERE ${where} ORDER BY created_at`,
    params,
  );
}
