import {
  STATUS_LABELS,
  VERIFICATION_LABELS,
  isMerchantStatus,
  type MerchantStatus,
  type VerificationStatus,
} from '@/lib/admin/merchant-status';

const base =
  'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap';

const STATUS_STYLE: Record<MerchantStatus, string> = {
  pending: 'bg-amber-50 text-amber-800 ring-amber-600/30',
  active: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  suspended: 'bg-red-50 text-red-800 ring-red-600/30',
  closed: 'bg-slate-100 text-slate-700 ring-slate-500/30',
};

export function MerchantStatusBadge({ status }: { status: string }) {
  if (!isMerchantStatus(status))
    return <span className={`${base} bg-slate-50 text-slate-700 ring-slate-300`}>{status}</span>;
  return <span className={`${base} ${STATUS_STYLE[status]}`}>{STATUS_LABELS[status]}</span>;
}

const VERIFICATION_STYLE: Record<VerificationStatus, string> = {
  unverified: 'bg-slate-50 text-slate-700 ring-slate-400/30',
  pending: 'bg-amber-50 text-amber-800 ring-amber-600/30',
  verified: 'bg-indigo-50 text-indigo-800 ring-indigo-600/30',
  failed: 'bg-red-50 text-red-800 ring-red-600/30',
};

export function VerificationBadge({ status }: { status: string | null }) {
  if (!status) return <span className="text-sm text-slate-500">—</span>;
  const known = status in VERIFICATION_STYLE ? (status as VerificationStatus) : null;
  return (
    <span
      className={`${base} ${known ? VERIFICATION_STYLE[known] : 'bg-slate-50 text-slate-700 ring-slate-300'}`}
    >
      {known ? VERIFICATION_LABELS[known] : status}
    </span>
  );
}

const OUTCOME_STYLE: Record<string, string> = {
  success: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  failure: 'bg-amber-50 text-amber-800 ring-amber-600/30',
  denied: 'bg-red-50 text-red-800 ring-red-600/30',
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <span className={`${base} ${OUTCOME_STYLE[outcome] ?? 'bg-slate-50 text-slate-700 ring-slate-300'}`}>
      {outcome}
    </span>
  );
}
