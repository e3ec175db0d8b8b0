/** An expired session: nothing can be paid; the merchant's cancel_url (checked) is the way back. */
export function Expired({ merchantName, cancelUrl }: { merchantName: string; cancelUrl: string | null }) {
  return (
    <section
      aria-labelledby="expired-heading"
      className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="expired-heading" className="text-xl font-bold text-slate-900">
        This checkout session has expired
      </h2>
      <p className="mt-2 text-sm text-slate-700">
        Nothing was charged. To buy these items, start again from {merchantName}’s website.
      </p>
      {cancelUrl ? (
        <a
          href={cancelUrl}
          className="mt-6 inline-block rounded-lg bg-slate-900 px-4 py-2.5 text-sm font-semibold text-white hover:bg-slate-700"
        >
          Return to {merchantName}
        </a>
      ) : null}
    </section>
  );
}
