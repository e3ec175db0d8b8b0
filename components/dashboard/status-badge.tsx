const TONES = {
  green: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  red: 'bg-red-50 text-red-800 ring-red-600/20',
  slate: 'bg-slate-100 text-slate-700 ring-slate-500/20',
} as const;

const MERCHANT_STATUS: Record<string, { label: string; tone: keyof typeof TONES }> = {
  active: { label: 'Active', tone: 'green' },
  pending: { label: 'Pending', tone: 'amber' },
  suspended: { label: 'Suspended', tone: 'red' },
  closed: { label: 'Closed', tone: 'slate' },
};

const VERIFICATION_STATUS: Record<string, { label: string; tone: keyof typeof TONES }> = {
  verified: { label: 'Verified', tone: 'green' },
  pending: { label: 'Under review', tone: 'amber' },
  failed: { label: 'Verification failed', tone: 'red' },
  unverified: { label: 'Not verified', tone: 'slate' },
};

function Badge({ label, tone }: { label: string; tone: keyof typeof TONES }) {
  return (
    <span
      className={`inline-flex items-center rounded-md px-2 py-1 text-xs font-semibold ring-1 ring-inset ${TONES[tone]}`}
    >
      {label}
    </span>
  );
}

export function MerchantStatusBadge({ status }: { status: string }) {
  return <Badge {...(MERCHANT_STATUS[status] ?? { label: status, tone: 'slate' })} />;
}

export function VerificationBadge({ status }: { status: string | null }) {
  return (
    <Badge
      {...(VERIFICATION_STATUS[status ?? 'unverified'] ?? { label: status ?? 'Not verified', tone: 'slate' })}
    />
  );
}
