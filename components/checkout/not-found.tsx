/** A plain 404 for an unknown (or malformed) session id: nothing about why. */
export function CheckoutNotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold text-slate-600">404</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">This checkout page does not exist</h1>
      <p className="mt-3 text-slate-700">
        Check the link you were given, or go back to the shop and start again.
      </p>
    </main>
  );
}
