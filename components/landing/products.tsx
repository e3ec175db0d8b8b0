import type { ReactNode } from 'react';

interface Product {
  title: string;
  path: string;
  body: string;
  icon: ReactNode;
}

// Simple 24px line icons; decorative, hidden from assistive technology.
const icon = (d: string) => (
  <svg
    aria-hidden="true"
    viewBox="0 0 24 24"
    fill="none"
    strokeWidth="1.75"
    className="size-6 stroke-current"
  >
    <path strokeLinecap="round" strokeLinejoin="round" d={d} />
  </svg>
);

const PRODUCTS: Product[] = [
  {
    title: 'Payments API',
    path: '/v1',
    body: "Payment intents, customers, refunds, disputes, files, checkout sessions and webhook endpoints, with Stripe's object shapes, list and search envelopes, error codes and Idempotency-Key semantics. The official stripe SDK works against it unchanged.",
    icon: icon('M8 9l-4 3 4 3M16 9l4 3-4 3M13.5 6l-3 12'),
  },
  {
    title: 'Merchant dashboard',
    path: '/dashboard',
    body: 'Onboard the business, create API keys and webhook endpoints, search payments, issue refunds, answer disputes with evidence, read analytics and manage the team.',
    icon: icon('M4 5h16v14H4zM4 9h16M9 9v10'),
  },
  {
    title: 'Hosted checkout',
    path: '/checkout',
    body: 'A payment page for every checkout session. Customers pay by card and get a receipt without creating an account; card numbers go straight into the encrypted vault.',
    icon: icon('M3 7h18v10H3zM3 11h18M7 15h3'),
  },
  {
    title: 'Worker',
    path: 'npm run worker',
    body: 'Runs everything that happens after the response: delivers webhooks signed with Stripe-Signature, relays the event outbox, keeps search and live counters current and expires stale sessions.',
    icon: icon(
      'M12 4v4M12 16v4M4 12h4M16 12h4M6.3 6.3l2.8 2.8M14.9 14.9l2.8 2.8M6.3 17.7l2.8-2.8M14.9 9.1l2.8-2.8',
    ),
  },
];

export function Products() {
  return (
    <section aria-labelledby="products-heading" className="mx-auto max-w-6xl px-6 py-20">
      <div className="max-w-2xl">
        <h2 id="products-heading" className="text-3xl font-bold tracking-tight text-slate-900">
          One app, four surfaces
        </h2>
        <p className="mt-4 text-lg text-slate-700">
          A single Next.js server hosts the API, the dashboard and checkout; a worker process beside it
          handles the background work.
        </p>
      </div>
      <ul className="mt-12 grid gap-6 sm:grid-cols-2">
        {PRODUCTS.map((product) => (
          <li key={product.title} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <div className="flex items-center gap-3">
              <span className="flex size-10 items-center justify-center rounded-lg bg-indigo-50 text-indigo-700">
                {product.icon}
              </span>
              <div>
                <h3 className="font-semibold text-slate-900">{product.title}</h3>
                <p className="font-mono text-xs text-slate-600">{product.path}</p>
              </div>
            </div>
            <p className="mt-4 leading-7 text-slate-700">{product.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
