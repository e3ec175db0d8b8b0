import Link from 'next/link';

interface Props {
  status: string;
  verificationStatus: string | null;
  verificationNotes: string | null;
  canEditBusiness: boolean;
}

const linkClass = 'font-semibold text-indigo-700 underline-offset-2 hover:underline';

/** What the merchant should do next, from the account and verification status. */
export function NextSteps({ status, verificationStatus, verificationNotes, canEditBusiness }: Props) {
  const correct = canEditBusiness ? (
    <>
      Correct your details in{' '}
      <Link href="/dashboard/settings/business" className={linkClass}>
        Settings → Business
      </Link>{' '}
      and we&apos;ll check them again.
    </>
  ) : (
    <>Ask an owner or administrator of this account to correct the business details.</>
  );

  if (status === 'suspended') {
    return (
      <p>
        This account is suspended by the platform. Payments are paused; contact the platform operator to
        resolve it.
      </p>
    );
  }
  if (status === 'closed') return <p>This account is closed. Its data stays available to read.</p>;

  switch (verificationStatus) {
    case 'verified':
      return status === 'active' ? (
        <p>Your business is verified and active. Switch off test mode to accept live payments.</p>
      ) : (
        <p>
          Your business is verified and waiting for activation by the platform. Test mode works meanwhile.
        </p>
      );
    case 'failed':
      return (
        <p>
          <strong className="font-semibold text-red-800">
            Verification failed: {verificationNotes ?? 'the details could not be verified'}.
          </strong>{' '}
          {correct} Test mode works meanwhile.
        </p>
      );
    case 'pending':
      return (
        <p>
          Your details are being reviewed by our team. We&apos;ll email the account owner when it&apos;s done;
          test mode works meanwhile.
        </p>
      );
    default:
      return <p>Your details have not been verified yet. {correct}</p>;
  }
}
