'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { ActionFeedback, SubmitButton } from '@/components/forms';
import { Badge } from './section';
import { initialState, type FormAction } from './form-action';

export interface SessionItem {
  publicId: string;
  current: boolean;
  device: string;
  ip: string;
  /** Pre-formatted on the server, so the text does not depend on the browser's time zone. */
  created: string;
  lastSeen: string;
}

/**
 * The person's signed-in sessions. Every row's Revoke form shares one action
 * state, so the answer stays on screen after the revoked row disappears.
 */
export function SessionsList({
  sessions,
  revokeAction,
  revokeOthersAction,
}: {
  sessions: SessionItem[];
  revokeAction: FormAction;
  revokeOthersAction: FormAction;
}) {
  const [state, revoke] = useActionState(revokeAction, initialState);
  const [othersState, revokeOthers] = useActionState(revokeOthersAction, initialState);
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-4">
      <ActionFeedback state={state} />
      <ActionFeedback state={othersState} />
      <div className="overflow-x-auto rounded-xl ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
          <caption className="sr-only">Signed-in sessions</caption>
          <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">
                Device
              </th>
              <th scope="col" className="px-4 py-3">
                IP address
              </th>
              <th scope="col" className="px-4 py-3">
                Signed in
              </th>
              <th scope="col" className="px-4 py-3">
                Last active
              </th>
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {sessions.map((s) => (
              <tr key={s.publicId}>
                <td className="px-4 py-3 font-medium text-slate-900">
                  <span className="flex flex-wrap items-center gap-2">
                    {s.device}
                    {s.current ? <Badge tone="indigo">This device</Badge> : null}
                  </span>
                </td>
                <td className="px-4 py-3 font-mono text-slate-700">{s.ip}</td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-700">{s.created}</td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-700">{s.lastSeen}</td>
                <td className="px-4 py-3 text-right">
                  {s.current ? null : (
                    <form action={revoke}>
                      <CsrfField />
                      <input type="hidden" name="session" value={s.publicId} />
                      <SubmitButton variant="secondary" aria-label={`Revoke session: ${s.device}, ${s.ip}`}>
                        Revoke
                      </SubmitButton>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form action={revokeOthers}>
        <CsrfField />
        <SubmitButton variant="secondary" disabled={others === 0} pendingLabel="Signing out…">
          Sign out of all other sessions
        </SubmitButton>
      </form>
    </div>
  );
}
