import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { CardForm } from '@/components/checkout/card-form';
import { Expired } from '@/components/checkout/expired';
import { MerchantHeader } from '@/components/checkout/merchant-header';
import { OrderSummary } from '@/components/checkout/order-summary';
import { RedirectSoon } from '@/components/checkout/redirect-soon';
import { Receipt } from '@/components/checkout/receipt';
import { getCheckoutPage } from '@/lib/checkout';
import { safeBrandColor, safeImageUrl, safeRedirectUrl, textOn } from '@/lib/checkout-page/branding';
import { BRAND_LABELS } from '@/lib/checkout-page/card-fields';
import { defaultCountry, paymentNotice, RECENT_PAYMENT_MS } from '@/lib/checkout-page/page-state';
import { clock } from '@/lib/clock';
import { countryOptions } from '@/lib/merchants/options';
import { formatAmount } from '@/lib/money/currencies';
import { payCheckoutAction } from './actions';

/**
 * The hosted checkout page, /checkout/<cs_…>. Public: the session id is the
 * only handle. Server-rendered from the session; the card form is the one
 * client component. Every merchant string is React text; colours and URLs are
 * checked again here before they reach an attribute (lib/checkout-page/branding.ts).
 */
const SESSION_ID = /^cs_[A-Za-z0-9_]{1,200}$/;
const load = cache((id: string) => (SESSION_ID.test(id) ? getCheckoutPage(id) : Promise.resolve(null)));

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load((await params).id);
  return { title: view ? `Pay ${view.merchant.name}` : 'Checkout not found', referrer: 'same-origin' };
}

const dateTime = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export default async function CheckoutPage({ params }: Props) {
  const { id } = await params;
  const view = await load(id);
  if (!view) notFound();

  const money = (minor: number) => formatAmount(minor, view.currency);
  const total = money(view.amountTotal);
  const brandColor = safeBrandColor(view.merchant.brandColor);
  const successUrl = safeRedirectUrl(view.successUrl);
  const cancelUrl = safeRedirectUrl(view.cancelUrl);
  const now = clock.now();
  const payment = view.payment;
  const expired =
    view.status === 'expired' || (view.status === 'open' && view.expiresAt.getTime() <= now.getTime());
  const paid = view.status === 'complete' || payment?.status === 'succeeded';

  let main;
  if (paid) {
    const paidAt = payment?.paidAt ?? null;
    // Straight back from paying (e.g. the 3-D Secure step): on to the merchant. A later
    // visit (back button, bookmark) only shows the receipt.
    const recent = paidAt !== null && now.getTime() - paidAt.getTime() < RECENT_PAYMENT_MS;
    main = (
      <>
        <Receipt
          merchantName={view.merchant.name}
          amount={money(payment?.amount ?? view.amountTotal)}
          card={payment?.last4 ? `${cardName(payment.brand)} •••• ${payment.last4}` : null}
          paidAt={paidAt ? `${dateTime.format(paidAt)} UTC` : null}
          returnUrl={successUrl}
          redirecting={recent && successUrl !== null}
        />
        {recent && successUrl ? <RedirectSoon url={successUrl} /> : null}
      </>
    );
  } else if (expired) {
    main = <Expired merchantName={view.merchant.name} cancelUrl={cancelUrl} />;
  } else {
    const h = await headers();
    main = (
      <>
        <CardForm
          sessionId={view.id}
          pay={payCheckoutAction}
          merchantName={view.merchant.name}
          amount={total}
          countries={countryOptions}
          defaultCountry={defaultCountry(h.get('accept-language'))}
          customerEmail={view.customerEmail}
          cancelUrl={cancelUrl}
          buttonStyle={brandColor ? { backgroundColor: brandColor, color: textOn(brandColor) } : null}
          notice={paymentNotice(payment)}
        />
        {cancelUrl ? (
          <p className="mt-6 text-center text-sm">
            <a href={cancelUrl} className="text-slate-700 underline underline-offset-2 hover:text-slate-900">
              Cancel and return to {view.merchant.name}
            </a>
          </p>
        ) : null}
      </>
    );
  }

  return (
    <div className="min-h-dvh bg-slate-50">
      <MerchantHeader
        name={view.merchant.name}
        logoUrl={safeImageUrl(view.merchant.logoUrl, view.livemode)}
        brandColor={brandColor}
        livemode={view.livemode}
      />
      <main className="mx-auto grid max-w-5xl gap-8 px-4 py-6 sm:px-6 lg:grid-cols-2 lg:gap-12 lg:py-10">
        <div>
          <h1 className="text-sm font-medium text-slate-700">Pay {view.merchant.name}</h1>
          <p className="mt-1 text-3xl font-bold tracking-tight text-slate-900">{total}</p>
          <div className="mt-6">
            <OrderSummary
              items={view.lineItems.map((item) => ({
                name: item.name,
                description: item.description,
                image: item.images.map((u) => safeImageUrl(u, view.livemode)).find((u) => u !== null) ?? null,
                quantity: item.quantity,
                unitAmount: money(item.unitAmount),
                amount: money(item.amountTotal),
              }))}
              subtotal={view.amountSubtotal !== view.amountTotal ? money(view.amountSubtotal) : null}
              total={total}
            />
          </div>
        </div>
        <div>{main}</div>
      </main>
    </div>
  );
}

function cardName(brand: string | null): string {
  return (brand && (BRAND_LABELS as Record<string, string>)[brand]) || 'Card';
}
