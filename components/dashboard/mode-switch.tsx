'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useCsrfToken } from '@/components/auth/csrf';

/**
 * Stripe-style "Test mode" toggle. The server decides (POST /api/dashboard/mode,
 * CSRF token in the header); live mode is refused until the business is active
 * and verified, and the refusal is shown here.
 */
export function ModeSwitch({ mode }: { mode: 'test' | 'live' }) {
  const csrf = useCsrfToken();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const testMode = mode === 'test';

  function toggle() {
    setError(null);
    startTransition(async () => {
      const response = await fetch('/api/dashboard/mode', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ mode: testMode ? 'live' : 'test' }),
      });
      if (response.ok) {
        router.refresh();
        return;
      }
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? 'The mode could not be changed. Please try again.');
    });
  }

  return (
    <div className="relative flex items-center gap-2">
      <span
        id="mode-switch-label"
        className={`text-sm font-medium ${testMode ? 'text-amber-700' : 'text-slate-600'}`}
      >
        Test mode
      </span>
      <button
        type="button"
        role="switch"
        aria-checked={testMode}
        aria-labelledby="mode-switch-label"
        aria-describedby={error ? 'mode-switch-error' : undefined}
        disabled={pending}
        onClick={toggle}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:opacity-60 ${
          testMode ? 'bg-amber-500' : 'bg-slate-300'
        }`}
      >
        <span
          aria-hidden="true"
          className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${testMode ? 'translate-x-5' : 'translate-x-0.5'}`}
        />
      </button>
      {error ? (
        <p
          id="mode-switch-error"
          role="alert"
          className="absolute top-full right-0 z-20 mt-2 w-72 rounded-lg bg-white px-3 py-2 text-sm text-red-800 shadow-lg ring-1 ring-red-200"
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}
