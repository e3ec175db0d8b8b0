import { describe, expect, it } from 'vitest';
import { toPublicId } from '@/lib/api/object-id';
import type { BalanceTransaction } from '@/lib/db/generated/client';
import { availableOnFor } from './available-on';
import { balanceTransactionObjectOf } from './balance-transaction-object';
import { limitPeriods } from './merchant-limits';
import { balanceDeltas } from './repository';

describe('ledger helpers', () => {
  it('balance deltas are the merchant accounts sums; fees and clearing do not touch the balance', () => {
    expect(
      balanceDeltas([
        { account: 'processor_clearing', amount: -10_000 },
        { account: 'merchant_pending', amount: 10_000 },
        { account: 'merchant_pending', amount: -320 },
        { account: 'platform_fees', amount: 320 },
      ]),
    ).toEqual({ available: 0, pending: 9_680 });
    expect(balanceDeltas([{ account: 'merchant_available', amount: -5 }])).toEqual({
      available: -5,
      pending: 0,
    });
  });

  it('available_on adds whole days; 0 is now', () => {
    const t = new Date('2026-03-10T23:59:00Z');
    expect(availableOnFor(t, 2).toISOString()).toBe('2026-03-12T23:59:00.000Z');
    expect(availableOnFor(t, 0)).toEqual(t);
  });

  it('limit periods are UTC days and months', () => {
    expect(limitPeriods(new Date('2026-03-31T23:30:00-02:00'))).toEqual({
      day: '2026-04-01',
      month: '2026-04-01',
    });
    expect(limitPeriods(new Date('2026-02-14T00:00:00Z'))).toEqual({
      day: '2026-02-14',
      month: '2026-02-01',
    });
  });

  it('a balance transaction row becomes Stripe object', () => {
    const row = {
      id: '6f1c2f8e-6f1b-4b7e-9d56-2a8c1f0e9a11',
      merchantId: '00000000-0000-4000-8000-000000000000',
      livemode: false,
      currency: 'JPY',
      type: 'charge',
      amount: 6000n,
      fee: 204n,
      net: 5796n,
      status: 'pending',
      availableOn: new Date('2026-03-12T10:00:00Z'),
      sourceType: 'payment',
      sourceId: '11111111-1111-4111-8111-111111111111',
      description: null,
      createdAt: new Date('2026-03-10T10:00:00.900Z'),
    } satisfies BalanceTransaction;
    expect(balanceTransactionObjectOf(row)).toEqual({
      id: toPublicId('txn', row.id),
      object: 'balance_transaction',
      amount: 6000,
      available_on: 1773309600,
      balance_type: 'payments',
      created: 1773136800,
      currency: 'jpy',
      description: null,
      exchange_rate: null,
      fee: 204,
      fee_details: [
        {
          amount: 204,
          application: null,
          currency: 'jpy',
          description: 'Processing fees',
          type: 'stripe_fee',
        },
      ],
      net: 5796,
      reporting_category: 'charge',
      source: toPublicId('pi', row.sourceId),
      status: 'pending',
      type: 'charge',
    });
  });
});
