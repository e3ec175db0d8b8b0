/**
 * What the customer is paying for: the merchant's line items with quantity,
 * unit price and amount, and the total. Every merchant string is rendered as
 * React text (escaped); images arrive already checked (https, or loopback http
 * in test mode) and are loaded without a referrer, so the merchant's image host
 * never learns the checkout URL.
 */
export interface SummaryItem {
  name: string;
  description: string | null;
  image: string | null;
  quantity: number;
  unitAmount: string;
  amount: string;
}

export function OrderSummary({
  items,
  subtotal,
  total,
}: {
  items: SummaryItem[];
  subtotal: string | null;
  total: string;
}) {
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="sr-only">
        Order summary
      </h2>
      <ul className="divide-y divide-slate-200">
        {items.map((item, i) => (
          <li key={i} className="flex gap-4 py-4">
            {item.image ? (
              // eslint-disable-next-line @next/next/no-img-element -- merchant images on other hosts; next/image would proxy them through our server
              <img
                src={item.image}
                alt={item.name}
                width={56}
                height={56}
                loading="lazy"
                referrerPolicy="no-referrer"
                className="size-14 flex-none rounded-md bg-slate-100 object-cover ring-1 ring-slate-200"
              />
            ) : null}
            <div className="min-w-0 flex-1">
              <p className="font-medium break-words text-slate-900">{item.name}</p>
              {item.description ? (
                <p className="mt-0.5 text-sm break-words text-slate-600">{item.description}</p>
              ) : null}
              <p className="mt-1 text-sm text-slate-600">
                Qty {item.quantity}
                {item.quantity > 1 ? ` × ${item.unitAmount}` : ''}
              </p>
            </div>
            <p className="flex-none text-right font-medium text-slate-900">{item.amount}</p>
          </li>
        ))}
      </ul>
      <dl className="space-y-2 border-t border-slate-200 pt-4 text-sm">
        {subtotal ? (
          <div className="flex justify-between">
            <dt className="text-slate-600">Subtotal</dt>
            <dd className="text-slate-900">{subtotal}</dd>
          </div>
        ) : null}
        <div className="flex justify-between text-base font-semibold">
          <dt className="text-slate-900">Total due</dt>
          <dd className="text-slate-900" data-testid="checkout-total">
            {total}
          </dd>
        </div>
      </dl>
    </section>
  );
}
