'use client';

import { useState } from 'react';
import { buttonClass } from '@/components/forms';

/**
 * A freshly issued key, shown this once: the server keeps only its hash, so
 * the page says plainly that it cannot be shown again.
 */
export function NewKeyReveal({ apiKey, name }: { apiKey: string; name?: string | null }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div role="region" aria-label="New API key" className="rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200">
      <p className="text-sm font-semibold text-amber-900">
        {name ? `Your new key “${name}”` : 'Your new key'}: copy it now. You won’t see it again.
      </p>
      <p className="mt-1 text-sm text-amber-800">
        We store only a fingerprint of it. If you lose it, roll the key to get a new one.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label htmlFor="new-api-key" className="sr-only">
          New API key
        </label>
        <input
          id="new-api-key"
          readOnly
          value={apiKey}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-lg border-0 bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-amber-300 ring-inset"
        />
        <button type="button" onClick={() => void copy()} className={buttonClass.secondary}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
