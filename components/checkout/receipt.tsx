/**
 * The receipt of a paid checkout session: rendered by the page for a completed
 * session (refresh, back button, return from 3-D Secure), and as the card
 * form's <template> that its script fills in right after a payment succeeds
 * (the data-receipt-* hooks). Presentational only; every value arrives as text
 * already formatted (and URLs already checked) by the caller.
 */
export interface ReceiptProps {
  merchantName: string;
  amount: string;
  /** "Visa •••• 4242", when known. */
  card: string | null;
  paidAt: string | null;
  /** The merchant's success_url, checked; null when unusable. */
  returnUrl: string | null;
  /** Shown while the page is about to send the customer back. */
  redirecting: boolean;
}

export function Receipt({ merchantName, amount, card, paidAt, returnUrl, redirecting }: ReceiptProps) {
  return (
    <section
      aria-labelledby="receipt-heading"
      className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
    >
      <p className="flex items-center gap-2 text-sm font-semibold text-emerald-800">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-current">
          <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.7-9.3-4 4a1 1 0 0 1-1.4 0l-2-2a1 1 0 1 1 1.4-1.4L9 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4Z" />
        </svg>
        Payment successful
      </p>
      <h2 id="receipt-heading" className="mt-2 text-xl font-bold text-slate-900">
        Thank you! You paid {amount}
      </h2>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-600">Paid to</dt>
        <dd className="font-medium break-words text-slate-900">{merchantName}</dd>
        <dt className="text-slate-600">Amount</dt>
        <dd className="font-medium text-slate-900">{amount}</dd>
        {card ? (
          <>
            <dt className="text-slate-600">Card</dt>
            <dd className="font-medium text-slate-900" data-receipt-card>
              {card}
            </dd>
          </>
        ) : null}
        {paidAt ? (
          <>
            <dt className="text-slate-600">Date</dt>
            <dd className="font-medium text-slate-900" data-receipt-paid-at>
              {paidAt}
            </dd>
          </>
        ) : null}
      </dl>
      {returnUrl ? (
        <div className="mt-6 space-y-2">
          {redirecting ? <p className="text-sm text-slate-700">Taking you back to {merchantName}…</p> : null}
          <a
            href={returnUrl}
            data-receipt-return
            className="inline-block rounded-lg bg-slate-900 px-4 py-2.5 text-sm font-semibold text-white hover:bg-slate-700"
          >
            Return to merchant
          </a>
        </div>
      ) : null}
    </section>
  );
}
