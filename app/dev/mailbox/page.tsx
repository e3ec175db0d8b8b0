import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { formatDateTime } from '@/components/account/format';
import { Badge } from '@/components/account/section';
import { Logo } from '@/components/site/logo';
import { appUrl, env } from '@/lib/env';
import { linkifyMailBody } from '@/lib/mail/linkify';
import { listOutbox } from '@/lib/mail/list-outbox';

export const metadata: Metadata = { title: 'Development mailbox' };

const LIMIT = 100;

/**
 * The outgoing mail (mail_outbox), for demos and development where no mail
 * server exists. Deliberately not behind sign-in, so an invited person can
 * read their invitation; for the same reason it exists only in demo or
 * development mode and is a 404 everywhere else.
 */
export default async function MailboxPage() {
  if (!(env.DEMO_MODE || env.NODE_ENV === 'development')) notFound();
  const mail = await listOutbox(LIMIT);
  const origin = appUrl();

  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-16 max-w-4xl items-center px-6">
          <Logo />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-6 py-10">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Development mailbox</h1>
        <div
          role="note"
          className="mt-4 rounded-xl bg-amber-50 p-5 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          <p className="font-semibold">Demo and development only — not protected by sign-in.</p>
          <p className="mt-1">
            There is no mail server here, so every message the app sends (invitations, security notices) is
            listed on this page for anyone who can reach it, links included. It is turned off (404) unless{' '}
            <code className="font-mono">DEMO_MODE</code> is on or the app runs in development.
          </p>
        </div>
        <p className="mt-6 text-sm text-slate-600">
          {mail.length === 0
            ? 'No mail has been sent yet.'
            : mail.length === LIMIT
              ? `The latest ${LIMIT} messages, newest first.`
              : `${mail.length} ${mail.length === 1 ? 'message' : 'messages'}, newest first.`}
        </p>
        <ol className="mt-4 space-y-4">
          {mail.map((m) => (
            <li key={m.id}>
              <article
                aria-labelledby={`mail-${m.id}`}
                className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
              >
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <h2 id={`mail-${m.id}`} className="text-base font-semibold text-slate-900">
                    {m.subject}
                  </h2>
                  <Badge tone="slate">{m.kind}</Badge>
                </div>
                <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
                  <div className="flex gap-1.5">
                    <dt>To</dt>
                    <dd className="font-medium text-slate-900">{m.to}</dd>
                  </div>
                  <div className="flex gap-1.5">
                    <dt>Sent</dt>
                    <dd>
                      <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                    </dd>
                  </div>
                </dl>
                {/* Plain text: React escapes it; only links to this app become clickable. */}
                <div className="mt-4 rounded-lg bg-slate-50 p-4 font-mono text-sm leading-6 break-words whitespace-pre-wrap text-slate-800">
                  {linkifyMailBody(m.body, origin).map((part, i) =>
                    part.kind === 'link' ? (
                      <a key={i} href={part.href} className="text-indigo-700 underline hover:text-indigo-900">
                        {part.href}
                      </a>
                    ) : (
                      <span key={i}>{part.text}</span>
                    ),
                  )}
                </div>
              </article>
            </li>
          ))}
        </ol>
      </main>
    </div>
  );
}
