/**
 * An audit row's details as pretty JSON. Rendered as text (React escapes it),
 * never as HTML: details may hold values an attacker typed, such as an e-mail.
 */
export function AuditDetails({ details }: { details: unknown }) {
  const empty =
    details === null ||
    details === undefined ||
    (typeof details === 'object' && !Array.isArray(details) && Object.keys(details).length === 0);
  if (empty) return null;
  return (
    <details className="group">
      <summary className="cursor-pointer text-xs font-medium text-indigo-700 select-none hover:text-indigo-900">
        Details
      </summary>
      <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-900 p-3 font-mono text-xs leading-5 text-slate-100">
        {JSON.stringify(details, null, 2)}
      </pre>
    </details>
  );
}
