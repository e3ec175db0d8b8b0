'use client';

import { useActionState } from 'react';
import { CsrfField } from '@/components/auth/csrf';
import { initialState, type FormAction } from '@/components/account/form-action';
import { FormError, SubmitButton, type SelectOption } from '@/components/forms';

/** Change role and Remove for one member row; refusals show under the row's controls. */
export function MemberRowActions({
  userId,
  name,
  role,
  roles,
  isSelf,
  changeRoleAction,
  removeAction,
}: {
  userId: string;
  name: string;
  role: string;
  roles: SelectOption[];
  isSelf: boolean;
  changeRoleAction: FormAction;
  removeAction: FormAction;
}) {
  const [roleState, changeRole] = useActionState(changeRoleAction, initialState);
  const [removeState, remove] = useActionState(removeAction, initialState);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <form action={changeRole} className="flex items-center gap-2">
          <CsrfField />
          <input type="hidden" name="userId" value={userId} />
          <label className="sr-only" htmlFor={`role-${userId}`}>
            Role for {name}
          </label>
          <select
            id={`role-${userId}`}
            name="role"
            defaultValue={role}
            key={role}
            className="rounded-lg border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600"
          >
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <SubmitButton variant="secondary" aria-label={`Save role for ${name}`}>
            Save
          </SubmitButton>
        </form>
        <form
          action={remove}
          onSubmit={(e) => {
            const question = isSelf
              ? 'Leave this team? You will lose access to this account.'
              : `Remove ${name} from the team?`;
            if (!window.confirm(question)) e.preventDefault();
          }}
        >
          <CsrfField />
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton
            variant="secondary"
            className="text-red-700"
            aria-label={isSelf ? 'Leave the team' : `Remove ${name}`}
          >
            {isSelf ? 'Leave' : 'Remove'}
          </SubmitButton>
        </form>
      </div>
      <FormError className="max-w-xs text-left">{roleState.error ?? removeState.error}</FormError>
    </div>
  );
}
