/**
 * A static, hand-written code sample with light syntax colouring. The tokenizer is
 * deliberately tiny (comments, strings, numbers, a few keywords): it only has to
 * handle the snippets we write ourselves, so a highlighting library would be dead weight.
 */
const TOKEN =
  /(\/\/.*$)|('[^']*')|\b(import|from|const|await|new|true|false)\b|\b(\d[\d_]*)\b|\b([A-Z][A-Za-z]+)\b/g;

const CLASS_BY_GROUP = [
  'text-slate-400 italic',
  'text-emerald-300',
  'text-violet-300',
  'text-amber-300',
  'text-sky-300',
];

function highlight(line: string) {
  const parts: { text: string; className?: string }[] = [];
  let last = 0;
  for (const match of line.matchAll(TOKEN)) {
    const start = match.index;
    if (start > last) parts.push({ text: line.slice(last, start) });
    const group = match.slice(1).findIndex((g) => g !== undefined);
    parts.push({ text: match[0], className: CLASS_BY_GROUP[group] });
    last = start + match[0].length;
  }
  if (last < line.length) parts.push({ text: line.slice(last) });
  return parts;
}

export function CodeSample({ code, filename, label }: { code: string; filename: string; label: string }) {
  const lines = code.replace(/\n$/, '').split('\n');
  return (
    <figure className="overflow-hidden rounded-xl bg-slate-950 shadow-xl ring-1 ring-slate-900/10">
      <figcaption className="flex items-center justify-between border-b border-white/10 px-4 py-2.5 text-xs">
        <span className="font-mono text-slate-300">{filename}</span>
        <span className="text-slate-400">{label}</span>
      </figcaption>
      {/* tabIndex lets keyboard users scroll the block horizontally on narrow screens. */}
      <pre tabIndex={0} className="overflow-x-auto p-5 text-[13px] leading-6 text-slate-100">
        <code>
          {lines.map((line, i) => (
            <span key={i} className="block min-h-6">
              {highlight(line).map((part, j) => (
                <span key={j} className={part.className}>
                  {part.text}
                </span>
              ))}
            </span>
          ))}
        </code>
      </pre>
    </figure>
  );
}
