'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { buttonClass } from '@/components/forms';

/**
 * The recovery codes, shown once right after they were made. Continuing
 * reloads the page, after which they can never be shown again.
 */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  if (saved) return null;
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(`Recovery codes (each works once):\n\n${codes.join('\n')}\n`)}`;
  return (
    <div className="rounded-xl bg-amber-50 p-5 ring-1 ring-amber-200">
      <h3 className="text-base font-semibold text-amber-900">Save your recovery codes</h3>
      <p className="mt-1 text-sm text-amber-900">
        Each code signs you in once if you lose access to your authenticator app. Store them somewhere safe,
        such as a password manager. <strong>They will not be shown again.</strong>
      </p>
      <ul aria-label="Recovery codes" className="mt-4 grid max-w-md grid-cols-2 gap-2 font-mono text-sm">
        {codes.map((code) => (
          <li key={code} className="rounded-md bg-white px-3 py-2 text-slate-900 ring-1 ring-amber-200">
            {code}
          </li>
        ))}
      </ul>
      <div className="mt-5 flex flex-wrap gap-3">
        <a href={download} download="recovery-codes.txt" className={buttonClass.secondary}>
          Download as text file
        </a>
        <button
          type="button"
          className={buttonClass.primary}
          onClick={() => {
            setSaved(true);
            router.refresh();
          }}
        >
          I have saved them
        </button>
      </div>
    </div>
  );
}
