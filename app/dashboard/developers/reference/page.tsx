import type { Metadata } from 'next';
import { Section } from '@/components/account/section';
import { InlineCode } from '@/components/api-reference/inline-code';
import { Operation } from '@/components/api-reference/operation';
import { RowTable } from '@/components/api-reference/row-table';
import { buildReference } from '@/lib/api-reference/build-reference';
import { openApiDocument } from '@/lib/api/openapi';
import { requireMerchant } from '@/lib/auth/current';

export const metadata: Metadata = { title: 'API reference' };

const SPEC_PATH = '/v1/openapi.json';
const code = 'rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800';

/** Rendered from the OpenAPI document the API serves, so it always describes what the server does. */
export default async function ApiReferencePage() {
  await requireMerchant('developers:read');
  const reference = buildReference(openApiDocument());

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-medium text-indigo-700">Developers</p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">API reference</h1>
        <div className="mt-2 max-w-3xl space-y-2 text-slate-600">
          <p>
            The API is Stripe-compatible: point the official SDKs at{' '}
            <code className={code}>{reference.serverUrl}</code> and use an API key from Developers → API keys,
            as a Bearer token or as the HTTP Basic username. POST parameters are form-encoded in bracket
            notation (<code className={code}>metadata[order_id]=6735</code>) or sent as JSON. Version{' '}
            <code className={code}>{reference.version}</code>.
          </p>
          <p>
            Send an <code className={code}>Idempotency-Key</code> header to make a POST safe to retry. Every
            response carries a <code className={code}>request-id</code> header and the rate-limit headers{' '}
            <code className={code}>ratelimit-limit</code>, <code className={code}>ratelimit-remaining</code>{' '}
            and <code className={code}>ratelimit-reset</code>.
          </p>
          <p>
            The same description as an OpenAPI 3.1 document:{' '}
            <a href={SPEC_PATH} className="font-medium text-indigo-700 underline underline-offset-2">
              {SPEC_PATH}
            </a>
          </p>
        </div>
      </div>

      <nav
        aria-label="API reference contents"
        className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
      >
        <ul className="grid gap-4 sm:grid-cols-2">
          {reference.sections.map((section) => (
            <li key={section.tag}>
              <a
                href={`#tag-${section.tag}`}
                className="text-sm font-semibold text-slate-900 hover:underline"
              >
                {section.tag}
              </a>
              <ul className="mt-1 space-y-1">
                {section.operations.map((op) => (
                  <li key={op.id}>
                    <a href={`#${op.id}`} className="text-sm text-indigo-700 hover:underline">
                      {op.summary}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#objects" className="text-sm font-semibold text-slate-900 hover:underline">
              Objects
            </a>
          </li>
        </ul>
      </nav>

      {reference.sections.map((section) => (
        <Section key={section.tag} id={`tag-${section.tag}`} title={section.tag}>
          <div className="divide-y divide-slate-200">
            {section.operations.map((op) => (
              <Operation key={op.id} op={op} />
            ))}
          </div>
        </Section>
      ))}

      <Section id="objects" title="Objects" description="What the operations return.">
        <div className="space-y-8">
          {reference.objects.map((object) => (
            <div key={object.name} id={`object-${object.name}`} className="scroll-mt-6 space-y-2">
              <h3 className="font-mono text-base font-semibold text-slate-900">{object.name}</h3>
              {object.description ? (
                <p className="text-sm text-slate-600">
                  <InlineCode text={object.description} />
                </p>
              ) : null}
              <RowTable caption={`The ${object.name} object`} rows={object.fields} kind="fields" />
            </div>
          ))}
        </div>
      </Section>
    </div>
  );
}
