'use client';

import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { buttonClass, type ButtonVariant } from './button-class';


export interface SubmitButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'children'
> {
  children: ReactNode;
  /** Shown while the form's action runs (defaults to the normal label). */
  pendingLabel?: ReactNode;
  variant?: ButtonVariant;
}

/**
 * A submit button that disables itself while its form's action is in flight
 * (React's useFormStatus), so a double click never submits twice.
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
  className,
  disabled,
  ...rest
}: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-disabled={pending || disabled || undefined}
      className={`${buttonClass[variant]} ${className ?? ''}`}
      {...rest}
    >
      {pending ? (
        <>
          <span
            aria-hidden="true"
            className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent"
          />
          {pendingLabel ?? children}
        </>
      ) : (
        children
      )}
    </button>
  );
}
