/**
 * What a platform operator may do to a merchant's status (seed 001
 * `merchants.status`), in one table. Pages show only the actions this table
 * allows from the current status; the use case checks it again, and the UPDATE
 * itself is conditional on the status the plan was made from, so two operators
 * acting at once cannot both apply.
 */
export const MERCHANT_STATUSES = ['pending', 'active', 'suspended', 'closed'] as const;
export type MerchantStatus = (typeof MERCHANT_STATUSES)[number];

export const VERIFICATION_STATUSES = ['unverified', 'pending', 'verified', 'failed'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const STATUS_ACTIONS = ['approve', 'suspend', 'reactivate', 'close'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

export interface Transition {
  from: readonly MerchantStatus[];
  to: MerchantStatus;
  label: string;
  /** Suspending says why: the merchant is told, and the audit log keeps it. */
  requiresReason: boolean;
  /** Irreversible: the operator types the business name to confirm. */
  requiresConfirmation: boolean;
}

export const TRANSITIONS: Record<StatusAction, Transition> = {
  approve: {
    from: ['pending'],
    to: 'active',
    label: 'Approve',
    requiresReason: false,
    requiresConfirmation: false,
  },
  suspend: {
    from: ['active'],
    to: 'suspended',
    label: 'Suspend',
    requiresReason: true,
    requiresConfirmation: false,
  },
  reactivate: {
    from: ['suspended'],
    to: 'active',
    label: 'Reactivate',
    requiresReason: false,
    requiresConfirmation: false,
  },
  // Closing is the end: no transition leaves `closed`.
  close: {
    from: ['pending', 'active', 'suspended'],
    to: 'closed',
    label: 'Close',
    requiresReason: false,
    requiresConfirmation: true,
  },
};

export const STATUS_LABELS: Record<MerchantStatus, string> = {
  pending: 'Pending',
  active: 'Active',
  suspended: 'Suspended',
  closed: 'Closed',
};

export const VERIFICATION_LABELS: Record<VerificationStatus, string> = {
  unverified: 'Unverified',
  pending: 'In review',
  verified: 'Verified',
  failed: 'Failed',
};

export function isMerchantStatus(value: unknown): value is MerchantStatus {
  return typeof value === 'string' && (MERCHANT_STATUSES as readonly string[]).includes(value);
}

/** The actions allowed from a status, in the table's order. */
export function allowedActions(status: string): StatusAction[] {
  return STATUS_ACTIONS.filter((a) => (TRANSITIONS[a].from as readonly string[]).includes(status));
}

const OR = new Intl.ListFormat('en', { type: 'disjunction' });

const PAST: Record<StatusAction, string> = {
  approve: 'approved',
  suspend: 'suspended',
  reactivate: 'reactivated',
  close: 'closed',
};

export type TransitionPlan =
  { ok: true; from: MerchantStatus; to: MerchantStatus } | { ok: false; message: string };

/** Whether `action` may be applied to a merchant currently in `status`, and where it leads. */
export function planTransition(action: StatusAction, status: string): TransitionPlan {
  const t = TRANSITIONS[action];
  if (isMerchantStatus(status) && t.from.includes(status)) return { ok: true, from: status, to: t.to };
  if (status === 'closed') {
    return {
      ok: false,
      message: 'This merchant is closed. Closing is permanent: its status can no longer change.',
    };
  }
  const current = isMerchantStatus(status) ? STATUS_LABELS[status].toLowerCase() : `"${status}"`;
  const allowed = OR.format(t.from.map((s) => STATUS_LABELS[s].toLowerCase()));
  return {
    ok: false,
    message: `${t.label} is not possible: the merchant is ${current}, and only ${allowed} merchants can be ${PAST[action]}.`,
  };
}
