import type { ReactNode } from 'react';

/**
 * The pieces every field shares: ids that tie the label, hint and error text to
 * the control (aria-describedby), and the error list itself. Errors come from
 * ActionState.fieldErrors (an array per field) or a single string.
 */
export type FieldError = string | readonly string[] | undefined | null;

export function errorList(error: FieldError): string[] {
  if (!error) return [];
  return typeof error === 'string' ? [error] : [...error];
}

export function describedBy(
  ids: { hint?: string; error?: string },
  hasHint: boolean,
  hasError: boolean,
): string | undefined {
  const list = [hasError ? ids.error : undefined, hasHint ? ids.hint : undefined].filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

export const labelClass = 'block text-sm font-medium text-slate-900';
export const controlClass =
  'mt-1.5 block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset ' +
  'placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none ' +
  'disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 ' +
  'aria-[invalid=true]:ring-red-500 aria-[invalid=true]:focus:ring-red-600';

export function FieldLabel({
  htmlFor,
  required,
  children,
}: {
  htmlFor: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <label htmlFor={htmlFor} className={labelClass}>
      {children}
      {required === false ? <span className="ml-1 font-normal text-slate-500">(optional)</span> : null}
    </label>
  );
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1.5 text-sm text-slate-600">
      {children}
    </p>
  );
}

export function FieldErrorText({ id, messages }: { id: string; messages: string[] }) {
  if (!messages.length) return null;
  return (
    <div id={id} className="mt-1.5 text-sm font-medium text-red-700">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}
