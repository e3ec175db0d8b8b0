/** The strip across the top of every dashboard page in test mode, like Stripe's. */
export function TestModeBanner() {
  return (
    <aside aria-label="Test mode notice" className="border-b border-amber-300 bg-amber-100 text-amber-900">
      <p className="mx-auto px-6 py-1.5 text-center text-sm">
        <span className="mr-2 rounded bg-amber-500 px-1.5 py-0.5 text-xs font-bold tracking-wide text-white uppercase">
          Test mode
        </span>
        You&apos;re viewing test data. Nothing here moves real money.
      </p>
    </aside>
  );
}
