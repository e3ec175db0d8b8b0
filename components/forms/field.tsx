'use client';

import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import {
  controlClass,
  describedBy,
  errorList,
  FieldErrorText,
  FieldHint,
  FieldLabel,
  type FieldError,
} from './field-parts';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className'> {
  label: ReactNode;
  name: string;
  /** Errors for this field, e.g. `state.fieldErrors?.email`. */
  error?: FieldError;
  hint?: ReactNode;
  /** Marks the label "(optional)" when false; true adds the `required` attribute. */
  required?: boolean;
  id?: string;
  className?: string;
}

/**
 * A labelled text input with hint and error text wired to the control through
 * aria-describedby, and aria-invalid while it has an error, so screen readers
 * announce what is wrong where it is wrong.
 */
export function Field({ label, name, error, hint, required, id, className, ...input }: FieldProps) {
  const auto = useId();
  const controlId = id ?? `${name}-${auto}`;
  const ids = { hint: `${controlId}-hint`, error: `${controlId}-error` };
  const messages = errorList(error);
  return (
    <div className={className}>
      <FieldLabel htmlFor={controlId} required={required}>
        {label}
      </FieldLabel>
      <input
        id={controlId}
        name={name}
        required={required || undefined}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(ids, !!hint, messages.length > 0)}
        className={`${controlClass} read-only:bg-slate-50`}
        {...input}
      />
      <FieldErrorText id={ids.error} messages={messages} />
      {hint ? <FieldHint id={ids.hint}>{hint}</FieldHint> : null}
    </div>
  );
}
