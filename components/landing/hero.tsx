import Link from 'next/link';
import { CodeSample } from './code-sample';

const SDK_SNIPPET = `import Stripe from 'stripe';

// Same SDK, same calls: only the host changes.
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, {
  host: 'localhost',
  port: 3000,
  protocol: 'http',
});

const intent = await stripe.paymentIntents.create({
  amount: 2000, // minor units: $20.00
  currency: 'usd',
});

console.log(intent.status); // 'requires_payment_method'
`;

export function Hero() {
  return (
    <section
      aria-labelledby="hero-heading"
      className="relative overflow-hidden bg-gradient-to-b from-indigo-50 to-white"
    >
      <div className="mx-auto grid max-w-6xl items-center gap-12 px-6 py-20 lg:grid-cols-2 lg:py-24">
        <div>
          <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase">
            Self-hosted payments platform
          </p>
          <h1
            id="hero-heading"
            className="mt-3 text-4xl font-bold tracking-tight text-balance text-slate-900 sm:text-5xl"
          >
            Stripe-compatible payments, on your own servers.
          </h1>
          <p className="mt-6 text-lg leading-8 text-pretty text-slate-700">
            The{' '}
            <code className="rounded bg-white px-1.5 py-0.5 font-mono text-base ring-1 ring-slate-200">
              /v1
            </code>{' '}
            API your Stripe integration already speaks, a merchant dashboard, hosted checkout pages and a
            worker that delivers webhooks. Your data stays in the PostgreSQL and Redis you run.
          </p>
          <div className="mt-8 flex flex-wrap items-center gap-4">
            <Link
              href="/sign-in"
              className="rounded-lg bg-indigo-600 px-5 py-3 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700"
            >
              Sign in to the dashboard
            </Link>
            <a
              href="/api/health"
              className="rounded-lg bg-white px-5 py-3 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Check system health
            </a>
          </div>
          <p className="mt-4 text-sm text-slate-600">
            Health status as JSON at <code className="font-mono text-slate-800">GET /api/health</code>.
          </p>
        </div>
        <CodeSample code={SDK_SNIPPET} filename="create-payment.ts" label="stripe-node, unchanged" />
      </div>
    </section>
  );
}
