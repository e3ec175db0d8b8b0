'use client';

import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import {
  controlClass,
  describedBy,
  errorList,
  FieldErrorText,
  FieldHint,
  FieldLabel,
  type FieldError,
} from './field-parts';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'name' | 'className'
> {
  label: ReactNode;
  name: string;
  options: readonly SelectOption[];
  /** A first, empty choice ("Choose…"); submitting it sends "" so the schema can say what is missing. */
  placeholder?: string;
  error?: FieldError;
  hint?: ReactNode;
  required?: boolean;
  id?: string;
  className?: string;
}

/** A labelled <select> with the same hint, error and aria wiring as Field. */
export function SelectField({
  label,
  name,
  options,
  placeholder,
  error,
  hint,
  required,
  id,
  className,
  ...select
}: SelectFieldProps) {
  const auto = useId();
  const controlId = id ?? `${name}-${auto}`;
  const ids = { hint: `${controlId}-hint`, error: `${controlId}-error` };
  const messages = errorList(error);
  return (
    <div className={className}>
      <FieldLabel htmlFor={controlId} required={required}>
        {label}
      </FieldLabel>
      <select
        // React applies a changed defaultValue to a <select> only when it mounts,
        // and forms are reset after their action: remount on a new default so the
        // reset lands on it (e.g. the value just submitted, echoed back).
        key={String(select.defaultValue ?? '')}
        id={controlId}
        name={name}
        required={required || undefined}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy(ids, !!hint, messages.length > 0)}
        className={`${controlClass} pr-8`}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrorText id={ids.error} messages={messages} />
      {hint ? <FieldHint id={ids.hint}>{hint}</FieldHint> : null}
    </div>
  );
}
