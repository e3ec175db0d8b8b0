import type { ReferenceOperation } from '@/lib/api-reference/build-reference';
import { CodeSample } from './code-sample';
import { InlineCode } from './inline-code';
import { MethodBadge } from './method-badge';
import { RowTable } from './row-table';

/** One /v1 operation: what it does, what it takes, what it returns, how to call it. */
export function Operation({ op }: { op: ReferenceOperation }) {
  const headingId = `${op.id}-heading`;
  return (
    <article
      id={op.id}
      aria-labelledby={headingId}
      className="scroll-mt-6 space-y-4 py-8 first:pt-0 last:pb-0"
    >
      <div className="space-y-2">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {op.summary}
        </h3>
        <p className="flex flex-wrap items-center gap-2">
          <MethodBadge method={op.method} />{' '}
          <code className="font-mono text-sm text-slate-800">{op.path}</code>
        </p>
        {op.description
          .split('\n\n')
          .filter(Boolean)
          .map((paragraph) => (
            <p key={paragraph} className="max-w-3xl text-sm text-slate-600">
              <InlineCode text={paragraph} />
            </p>
          ))}
        <p className="text-sm text-slate-700">
          Permission for restricted keys:{' '}
          <code className="rounded bg-amber-50 px-1.5 py-0.5 font-mono text-xs text-amber-900">
            {op.permission}
          </code>{' '}
          <span className="text-slate-500">(secret keys may call every endpoint)</span>
        </p>
      </div>

      <div className="space-y-2">
        <h4 className="text-sm font-semibold text-slate-900">Parameters</h4>
        {op.parameters.length ? (
          <RowTable caption={`${op.summary}: parameters`} rows={op.parameters} kind="parameters" />
        ) : (
          <p className="text-sm text-slate-600">None.</p>
        )}
      </div>

      <div className="space-y-2">
        <h4 className="text-sm font-semibold text-slate-900">Returns</h4>
        {op.returns.length ? (
          <p className="text-sm text-slate-600">
            {op.returns.map((name, i) => (
              <span key={name}>
                {i > 0 ? ' or ' : 'A '}
                <a
                  href={`#object-${name}`}
                  className="font-mono text-indigo-700 underline-offset-2 hover:underline"
                >
                  {name}
                </a>
              </span>
            ))}{' '}
            object.
          </p>
        ) : (
          <RowTable caption={`${op.summary}: response fields`} rows={op.responseFields} kind="fields" />
        )}
      </div>

      <div className="space-y-4">
        <CodeSample title="curl" code={op.curl} />
        <CodeSample title="stripe-node" code={op.node} />
      </div>
    </article>
  );
}
