'use client';

import Link from 'next/link';
import { useActionState, useId, useRef, useState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { FormError } from '@/components/forms/form-status';
import type { ActionState } from '@/lib/auth/action';
import { useDismiss } from './use-dismiss';

interface Business {
  merchantId: string;
  businessName: string;
  roleLabel: string;
}

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The current business's name; opens a list of the user's other businesses
 * (each a submit button of one form: the server checks the membership) and a
 * link to add another one.
 */
export function MerchantSwitcher({
  current,
  others,
  action,
}: {
  current: Business;
  others: Business[];
  action: Action;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState(action, { ok: false });
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useDismiss(open, () => setOpen(false), root);

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center justify-between gap-2 rounded-lg px-3 py-2 text-left ring-1 ring-slate-200 hover:bg-slate-50"
      >
        <span className="min-w-0">
          <span className="sr-only">Current business: </span>
          <span className="block truncate text-sm font-semibold text-slate-900">{current.businessName}</span>
          <span className="block text-xs text-slate-600">{current.roleLabel}</span>
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 fill-slate-500">
          <path d="M10 3l4 5H6l4-5zm0 14l-4-5h8l-4 5z" />
        </svg>
        <span className="sr-only">Switch business</span>
      </button>
      {open ? (
        <div
          id={panelId}
          className="absolute inset-x-0 z-20 mt-2 rounded-xl bg-white p-2 shadow-lg ring-1 ring-slate-200"
        >
          {others.length ? (
            <form action={formAction}>
              <CsrfField />
              <p className="px-3 pt-1 pb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                Switch to
              </p>
              <ul>
                {others.map((b) => (
                  <li key={b.merchantId}>
                    <button
                      type="submit"
                      name="merchant_id"
                      value={b.merchantId}
                      className="block w-full rounded-md px-3 py-2 text-left hover:bg-slate-100"
                    >
                      <span className="block truncate text-sm font-medium text-slate-900">
                        {b.businessName}
                      </span>
                      <span className="block text-xs text-slate-600">{b.roleLabel}</span>
                    </button>
                  </li>
                ))}
              </ul>
              <FormError className="mt-2">{state.error}</FormError>
            </form>
          ) : null}
          <Link
            href="/onboarding"
            className={`block rounded-md px-3 py-2 text-sm font-medium text-indigo-700 hover:bg-indigo-50 ${others.length ? 'mt-1 border-t border-slate-100' : ''}`}
          >
            + Add a business
          </Link>
        </div>
      ) : null}
    </div>
  );
}
