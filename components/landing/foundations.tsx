const GUARANTEES = [
  {
    title: 'Integer money',
    body: 'Amounts are whole numbers in the currency’s minor unit with ISO 4217 exponents (JPY 0, USD 2, KWD 3). No floats anywhere.',
  },
  {
    title: 'Double-entry ledger',
    body: 'Every money movement writes balanced ledger lines in the same database transaction as the state change, so balances always add up.',
  },
  {
    title: 'Transactional outbox',
    body: 'Events are written with the change that caused them. Nothing is published that did not commit, and nothing that committed is lost.',
  },
  {
    title: 'Encrypted card vault',
    body: 'Card numbers are sealed with AES-256-GCM under per-record keys wrapped by a rotatable master key. CVCs are never stored.',
  },
  {
    title: 'Hashed API keys',
    body: 'Secret, publishable and restricted keys are stored only as keyed hashes and shown once. The key decides the mode: test and live data never mix.',
  },
  {
    title: 'Deterministic sandbox',
    body: 'Sandbox gateways reproduce Stripe’s published test cards, including declines, 3-D Secure and disputes, so integrations can be tested end to end.',
  },
];

const STACK = [
  {
    name: 'PostgreSQL 15+',
    role: 'System of record: payments, ledger, idempotency records and the event outbox.',
  },
  {
    name: 'Redis 7',
    role: 'Sessions, caches, rate limits and locks. Treated as volatile: nothing durable lives only here.',
  },
  {
    name: 'Elasticsearch 8',
    role: 'Optional. Transaction search at scale; without it, search runs on PostgreSQL.',
  },
];

export function Foundations() {
  return (
    <section aria-labelledby="foundations-heading" className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto max-w-6xl px-6 py-20">
        <div className="max-w-2xl">
          <h2 id="foundations-heading" className="text-3xl font-bold tracking-tight text-slate-900">
            Built for money, on infrastructure you already run
          </h2>
          <p className="mt-4 text-lg text-slate-700">
            Refund and capture caps are enforced by the database under row locks, not by read-then-write in
            application code.
          </p>
        </div>
        <dl className="mt-12 grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
          {GUARANTEES.map((item) => (
            <div key={item.title}>
              <dt className="font-semibold text-slate-900">{item.title}</dt>
              <dd className="mt-2 leading-7 text-slate-700">{item.body}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mt-16 text-lg font-semibold text-slate-900">What it runs on</h3>
        <ul className="mt-6 grid gap-4 lg:grid-cols-3">
          {STACK.map((item) => (
            <li key={item.name} className="rounded-xl border border-slate-200 bg-white p-5">
              <p className="font-mono text-sm font-semibold text-indigo-700">{item.name}</p>
              <p className="mt-2 text-sm leading-6 text-slate-700">{item.role}</p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
