/** A titled, horizontally scrolling code listing. */
export function CodeSample({ title, code }: { title: string; code: string }) {
  return (
    <figure className="min-w-0">
      <figcaption className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
        {title}
      </figcaption>
      <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
