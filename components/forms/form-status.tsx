import type { ReactNode } from 'react';

/**
 * What a form says about the whole submission: an error (role=alert, announced
 * at once) or a confirmation (role=status, announced politely). Field-level
 * problems go next to their fields (Field's `error`).
 */
export function FormError({ children, className }: { children?: ReactNode; className?: string }) {
  if (!children) return null;
  return (
    <div
      role="alert"
      className={`rounded-lg bg-red-50 px-4 py-3 text-sm font-medium text-red-800 ring-1 ring-red-200 ${className ?? ''}`}
    >
      {children}
    </div>
  );
}

export function FormMessage({ children, className }: { children?: ReactNode; className?: string }) {
  // The live region is always rendered (empty when there is nothing to say):
  // screen readers announce changes only in regions that already exist.
  return (
    <div
      role="status"
      className={
        children
          ? `rounded-lg bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800 ring-1 ring-emerald-200 ${className ?? ''}`
          : 'sr-only'
      }
    >
      {children}
    </div>
  );
}

/** Both, from a server action's state ({ ok, message, error }). */
export function ActionFeedback({
  state,
  className,
}: {
  state: { ok: boolean; message?: string; error?: string };
  className?: string;
}) {
  return (
    <>
      <FormError className={className}>{state.error}</FormError>
      <FormMessage className={className}>{state.ok ? state.message : undefined}</FormMessage>
    </>
  );
}
