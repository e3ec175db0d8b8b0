import { describe, expect, it } from 'vitest';
import { itEnforcesConstraints } from '@/tests/helpers/constraint-suite';
import {
  breaks,
  expectPgError,
  insertSandboxOperation,
  PG,
  query,
  twice,
  type Row,
  type Violation,
} from '@/tests/helpers/fixtures';
import { randomUUID } from 'node:crypto';

// sandbox_gateway_operations (migration 20261121051000_gateways).
const TABLES = ['sandbox_gateway_operations'] as const;
type Table = (typeof TABLES)[number];

/** A capture of a fresh approved authorization, with `over` applied to the capture. */
async function child(over: Row = {}): Promise<string> {
  const parent = await insertSandboxOperation({ captured_amount: 0 });
  return insertSandboxOperation({
    operation: 'capture',
    parent_id: parent,
    card_brand: null,
    card_last4: null,
    ...over,
  });
}

const make: Record<Table, (over?: Row) => Promise<unknown>> = {
  sandbox_gateway_operations: (o) => insertSandboxOperation(o),
};

const NOT_NULL: Record<Table, string[]> = {
  sandbox_gateway_operations: [
    'id',
    'gateway',
    'reference',
    'operation',
    'gateway_transaction_id',
    'amount',
    'currency',
    'status',
    'captured_amount',
    'refunded_amount',
    'voided',
    'response',
    'created_at',
  ],
};

const check = breaks.check<Table>;
const T = 'sandbox_gateway_operations';

const VIOLATIONS: Violation<Table>[] = [
  check(T, 'sandbox_gateway_operations_gateway_name', { gateway: 'Sandbox Alpha' }),
  check(T, 'sandbox_gateway_operations_reference_length', { reference: '' }),
  breaks.check<Table>(T, 'sandbox_gateway_operations_valid_operation', () => child({ operation: 'charge' })),
  check(T, 'sandbox_gateway_operations_valid_status', { status: 'pending' }),
  check(T, 'sandbox_gateway_operations_parent_unless_authorize', {
    operation: 'capture',
    card_brand: null,
    card_last4: null,
  }),
  breaks.check<Table>(T, 'sandbox_gateway_operations_parent_unless_authorize', async () => {
    const parent = await insertSandboxOperation();
    return insertSandboxOperation({ parent_id: parent });
  }),
  check(T, 'sandbox_gateway_operations_amount_non_negative', { amount: -1 }),
  check(T, 'sandbox_gateway_operations_currency_iso', { currency: 'usd' }),
  check(T, 'sandbox_gateway_operations_decline_code_when_declined', { status: 'declined' }),
  check(T, 'sandbox_gateway_operations_decline_code_when_declined', { decline_code: 'generic_decline' }),
  check(T, 'sandbox_gateway_operations_card_on_authorize', { card_brand: null, card_last4: null }),
  check(T, 'sandbox_gateway_operations_card_on_authorize', { card_brand: null }),
  breaks.check<Table>(T, 'sandbox_gateway_operations_card_on_authorize', () =>
    child({ card_brand: 'visa', card_last4: '4242' }),
  ),
  check(T, 'sandbox_gateway_operations_last4_digits', { card_last4: '42a2' }),
  check(T, 'sandbox_gateway_operations_capture_bound', { captured_amount: 2001 }),
  check(T, 'sandbox_gateway_operations_capture_bound', { captured_amount: -1 }),
  check(T, 'sandbox_gateway_operations_refund_bound', { captured_amount: 1000, refunded_amount: 1001 }),
  check(T, 'sandbox_gateway_operations_void_uncaptured', { captured_amount: 1, voided: true }),
  check(T, 'sandbox_gateway_operations_totals_on_authorization', { status: 'requires_action', voided: true }),
  breaks.check<Table>(T, 'sandbox_gateway_operations_totals_on_authorization', () =>
    child({ captured_amount: 1 }),
  ),
  check(T, 'sandbox_gateway_operations_response_object', { response: JSON.stringify('approved') }),
  breaks.unique<Table>(T, 'sandbox_gateway_operations_gateway_reference_key', () =>
    twice(() => insertSandboxOperation({ reference: 'ref_same' }))(),
  ),
  breaks.unique<Table>(T, 'sandbox_gateway_operations_gateway_transaction_key', () =>
    twice(() => insertSandboxOperation({ gateway_transaction_id: 'ch_alpha_same' }))(),
  ),
  breaks.unique<Table>(T, 'sandbox_gateway_operations_pkey', async () =>
    insertSandboxOperation({ id: await insertSandboxOperation() }),
  ),
  breaks.fk<Table>(T, 'sandbox_gateway_operations_parent_id_fkey', () => child({ parent_id: randomUUID() })),
];

describe('sandbox_gateway_operations constraints', () => {
  itEnforcesConstraints({ tables: TABLES, make, notNull: NOT_NULL, violations: VIOLATIONS });
});

describe('what the constraints still allow, and ON DELETE rules', () => {
  it('the same reference on two processors is two operations (idempotency is per processor)', async () => {
    await insertSandboxOperation({ gateway: 'sandbox_alpha', reference: 'ref_shared' });
    await expect(
      insertSandboxOperation({ gateway: 'sandbox_beta', reference: 'ref_shared' }),
    ).resolves.toBeTruthy();
  });

  it('a capture, void or refund points at its authorization, which cannot be deleted under it', async () => {
    const parent = await insertSandboxOperation({ captured_amount: 2000, refunded_amount: 500 });
    await insertSandboxOperation({
      operation: 'refund',
      parent_id: parent,
      amount: 500,
      card_brand: null,
      card_last4: null,
    });
    await expectPgError(query('DELETE FROM sandbox_gateway_operations WHERE id = $1', [parent]), {
      code: PG.FK,
      constraint: 'sandbox_gateway_operations_parent_id_fkey',
    });
  });
});
