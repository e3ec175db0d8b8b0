import { describe, expect, it } from 'vitest';
import {
  MERCHANT_STATUSES,
  STATUS_ACTIONS,
  TRANSITIONS,
  allowedActions,
  isMerchantStatus,
  planTransition,
  type MerchantStatus,
  type StatusAction,
} from './merchant-status';

// Every (action, status) pair: the whole table, written out once more by hand
// so a change to TRANSITIONS has to be made deliberately in two places.
const EXPECTED: Record<StatusAction, Partial<Record<MerchantStatus, MerchantStatus>>> = {
  approve: { pending: 'active' },
  suspend: { active: 'suspended' },
  reactivate: { suspended: 'active' },
  close: { pending: 'closed', active: 'closed', suspended: 'closed' },
};

describe('merchant status transitions', () => {
  const pairs = STATUS_ACTIONS.flatMap((action) => MERCHANT_STATUSES.map((status) => ({ action, status })));

  it.each(pairs)('$action from $status', ({ action, status }) => {
    const to = EXPECTED[action][status];
    const plan = planTransition(action, status);
    if (to) expect(plan).toEqual({ ok: true, from: status, to });
    else expect(plan).toMatchObject({ ok: false, message: expect.any(String) });
  });

  it('nothing leaves closed: closing is irreversible', () => {
    expect(allowedActions('closed')).toEqual([]);
    for (const action of STATUS_ACTIONS) {
      expect(planTransition(action, 'closed')).toEqual({
        ok: false,
        message: 'This merchant is closed. Closing is permanent: its status can no longer change.',
      });
    }
  });

  it('a refusal names the current status and the statuses the action needs', () => {
    expect(planTransition('approve', 'active')).toEqual({
      ok: false,
      message: 'Approve is not possible: the merchant is active, and only pending merchants can be approved.',
    });
    expect(planTransition('suspend', 'pending')).toEqual({
      ok: false,
      message:
        'Suspend is not possible: the merchant is pending, and only active merchants can be suspended.',
    });
    expect(planTransition('reactivate', 'active')).toMatchObject({
      message: expect.stringContaining('only suspended merchants can be reactivated'),
    });
  });

  it('an unknown status allows nothing', () => {
    expect(allowedActions('frozen')).toEqual([]);
    for (const action of STATUS_ACTIONS)
      expect(planTransition(action, 'frozen')).toMatchObject({
        ok: false,
        message: expect.stringContaining('"frozen"'),
      });
  });

  it('allowedActions lists exactly the actions whose plan succeeds', () => {
    expect(allowedActions('pending')).toEqual(['approve', 'close']);
    expect(allowedActions('active')).toEqual(['suspend', 'close']);
    expect(allowedActions('suspended')).toEqual(['reactivate', 'close']);
    for (const status of MERCHANT_STATUSES)
      expect(allowedActions(status)).toEqual(STATUS_ACTIONS.filter((a) => planTransition(a, status).ok));
  });

  it('only suspending asks for a reason, only closing for a typed confirmation', () => {
    expect(STATUS_ACTIONS.filter((a) => TRANSITIONS[a].requiresReason)).toEqual(['suspend']);
    expect(STATUS_ACTIONS.filter((a) => TRANSITIONS[a].requiresConfirmation)).toEqual(['close']);
  });

  it('the status set is the seed CHECK set', () => {
    expect([...MERCHANT_STATUSES].sort()).toEqual(['active', 'closed', 'pending', 'suspended']);
    expect(isMerchantStatus('active')).toBe(true);
    expect(isMerchantStatus('Active')).toBe(false);
    expect(isMerchantStatus(undefined)).toBe(false);
  });
});
