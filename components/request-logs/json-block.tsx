/**
 * A stored request or response body, pretty-printed. The values were redacted
 * before they were stored (lib/api/request-log.ts); this only formats them, and
 * React escapes the text.
 */
export function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const empty = value === null || value === undefined;
  return (
    <figure>
      <figcaption className="text-sm font-semibold text-slate-900">{label}</figcaption>
      {empty ? (
        <p className="mt-2 text-sm text-slate-500">None</p>
      ) : (
        <pre
          aria-label={label}
          tabIndex={0}
          className="mt-2 max-h-[32rem] overflow-auto rounded-lg bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100"
        >
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </figure>
  );
}
