import type { GetServerSideProps } from 'next';
import Head from 'next/head';
import { CardForm } from '@/components/checkout/card-form';
import { Expired } from '@/components/checkout/expired';
import { MerchantHeader } from '@/components/checkout/merchant-header';
import { CheckoutNotFound } from '@/components/checkout/not-found';
import { OrderSummary, type SummaryItem } from '@/components/checkout/order-summary';
import { Receipt, type ReceiptProps } from '@/components/checkout/receipt';
import { RedirectSoon } from '@/components/checkout/redirect-soon';
import { PRODUCT_NAME } from '@/components/site/brand';
import { getCheckoutPage } from '@/lib/checkout';
import { safeBrandColor, safeImageUrl, safeRedirectUrl, textOn } from '@/lib/checkout-page/branding';
import { BRAND_LABELS } from '@/lib/checkout-page/card-fields';
import { defaultCountry, paymentNotice, RECENT_PAYMENT_MS } from '@/lib/checkout-page/page-state';
import { checkoutScriptAsset, type CheckoutScriptAsset } from '@/lib/checkout-page/script-asset';
import { clock } from '@/lib/clock';
import { countryOptions } from '@/lib/merchants/options';
import { formatAmount } from '@/lib/money/currencies';

/**
 * The hosted checkout page, /checkout/<cs_…>. Public: the session id is the
 * only handle. A Pages Router page so that it ships no framework JavaScript
 * (`unstable_runtimeJS: false`, production builds): server-rendered HTML plus
 * one small script of our own (lib/checkout-page/form-script.ts), which
 * pages/_document.tsx loads with this response's CSP nonce and a Subresource
 * Integrity hash. Every merchant
 * string is React text; colours and URLs are checked again here before they
 * reach an attribute (lib/checkout-page/branding.ts). Payments go to
 * POST /checkout/<id>/pay (app/checkout/[id]/pay/route.ts).
 */
export const config = { unstable_runtimeJS: false };

const SESSION_ID = /^cs_[A-Za-z0-9_]{1,200}$/;

type Main =
  | { kind: 'paid'; receipt: ReceiptProps; redirectUrl: string | null }
  | { kind: 'expired'; cancelUrl: string | null }
  | {
      kind: 'open';
      cancelUrl: string | null;
      successUrl: string | null;
      defaultCountry: string;
      /** In the props (not imported by the component) so that development's hydration sees the same names. */
      countries: { value: string; label: string }[];
      customerEmail: string | null;
      buttonStyle: { backgroundColor: string; color: string } | null;
      notice: string | null;
    };

interface View {
  id: string;
  merchantName: string;
  logoUrl: string | null;
  brandColor: string | null;
  livemode: boolean;
  total: string;
  subtotal: string | null;
  items: SummaryItem[];
  main: Main;
}

/** `script` is rendered by pages/_document.tsx, outside React's tree (never hydrated). */
export interface CheckoutPageProps {
  script: CheckoutScriptAsset | null;
  view: View | null;
}
type Props = CheckoutPageProps;

const dateTime = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export const getServerSideProps: GetServerSideProps<Props> = async ({ params, req, res }) => {
  const id = typeof params?.id === 'string' ? params.id : '';
  const session = SESSION_ID.test(id) ? await getCheckoutPage(id) : null;
  if (!session) {
    res.statusCode = 404;
    return { props: { script: null, view: null } };
  }

  const money = (minor: number) => formatAmount(minor, session.currency);
  const total = money(session.amountTotal);
  const brandColor = safeBrandColor(session.merchant.brandColor);
  const successUrl = safeRedirectUrl(session.successUrl);
  const cancelUrl = safeRedirectUrl(session.cancelUrl);
  const now = clock.now();
  const payment = session.payment;
  const expired =
    session.status === 'expired' ||
    (session.status === 'open' && session.expiresAt.getTime() <= now.getTime());
  const paid = session.status === 'complete' || payment?.status === 'succeeded';

  let main: Main;
  if (paid) {
    const paidAt = payment?.paidAt ?? null;
    // Straight back from paying (e.g. the 3-D Secure step): on to the merchant. A later
    // visit (back button, bookmark) only shows the receipt.
    const recent = paidAt !== null && now.getTime() - paidAt.getTime() < RECENT_PAYMENT_MS;
    main = {
      kind: 'paid',
      receipt: {
        merchantName: session.merchant.name,
        amount: money(payment?.amount ?? session.amountTotal),
        card: payment?.last4 ? `${cardName(payment.brand)} •••• ${payment.last4}` : null,
        paidAt: paidAt ? `${dateTime.format(paidAt)} UTC` : null,
        returnUrl: successUrl,
        redirecting: recent && successUrl !== null,
      },
      redirectUrl: recent ? successUrl : null,
    };
  } else if (expired) {
    main = { kind: 'expired', cancelUrl };
  } else {
    const acceptLanguage = req.headers['accept-language'];
    main = {
      kind: 'open',
      cancelUrl,
      successUrl,
      defaultCountry: defaultCountry(typeof acceptLanguage === 'string' ? acceptLanguage : null),
      countries: [...countryOptions],
      customerEmail: session.customerEmail,
      buttonStyle: brandColor ? { backgroundColor: brandColor, color: textOn(brandColor) } : null,
      notice: paymentNotice(payment),
    };
  }

  return {
    props: {
      script: checkoutScriptAsset(),
      view: {
        id: session.id,
        merchantName: session.merchant.name,
        logoUrl: safeImageUrl(session.merchant.logoUrl, session.livemode),
        brandColor,
        livemode: session.livemode,
        total,
        subtotal: session.amountSubtotal !== session.amountTotal ? money(session.amountSubtotal) : null,
        items: session.lineItems.map((item) => ({
          name: item.name,
          description: item.description,
          image: item.images.map((u) => safeImageUrl(u, session.livemode)).find((u) => u !== null) ?? null,
          quantity: item.quantity,
          unitAmount: money(item.unitAmount),
          amount: money(item.amountTotal),
        })),
        main,
      },
    },
  };
};

export default function CheckoutPage({ view }: Props) {
  const head = (title: string) => (
    <Head>
      <title>{`${title} · ${PRODUCT_NAME}`}</title>
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="same-origin" />
      <meta name="robots" content="noindex, nofollow" />
      <meta name="theme-color" content="#ffffff" />
      <meta name="color-scheme" content="light" />
      <link rel="icon" href="/icon.svg" type="image/svg+xml" />
    </Head>
  );
  if (!view) {
    return (
      <>
        {head('Checkout not found')}
        <CheckoutNotFound />
      </>
    );
  }

  const { main } = view;
  let body;
  if (main.kind === 'paid') {
    body = (
      <>
        <Receipt {...main.receipt} />
        {main.redirectUrl ? <RedirectSoon url={main.redirectUrl} /> : null}
      </>
    );
  } else if (main.kind === 'expired') {
    body = <Expired merchantName={view.merchantName} cancelUrl={main.cancelUrl} />;
  } else {
    body = (
      <>
        <CardForm
          sessionId={view.id}
          merchantName={view.merchantName}
          amount={view.total}
          countries={main.countries}
          defaultCountry={main.defaultCountry}
          customerEmail={main.customerEmail}
          cancelUrl={main.cancelUrl}
          returnUrl={main.successUrl ?? `/checkout/${view.id}`}
          buttonStyle={main.buttonStyle}
          notice={main.notice}
        />
        {main.cancelUrl ? (
          <p className="mt-6 text-center text-sm">
            <a
              href={main.cancelUrl}
              className="text-slate-700 underline underline-offset-2 hover:text-slate-900"
            >
              Cancel and return to {view.merchantName}
            </a>
          </p>
        ) : null}
      </>
    );
  }

  return (
    <>
      {head(`Pay ${view.merchantName}`)}
      <div className="min-h-dvh bg-slate-50">
        <MerchantHeader
          name={view.merchantName}
          logoUrl={view.logoUrl}
          brandColor={view.brandColor}
          livemode={view.livemode}
        />
        <main className="mx-auto grid max-w-5xl gap-8 px-4 py-6 sm:px-6 lg:grid-cols-2 lg:gap-12 lg:py-10">
          <div>
            <h1 className="text-sm font-medium text-slate-700">Pay {view.merchantName}</h1>
            <p className="mt-1 text-3xl font-bold tracking-tight text-slate-900">{view.total}</p>
            <div className="mt-6">
              <OrderSummary items={view.items} subtotal={view.subtotal} total={view.total} />
            </div>
          </div>
          <div>{body}</div>
        </main>
      </div>
    </>
  );
}

function cardName(brand: string | null): string {
  return (brand && (BRAND_LABELS as Record<string, string>)[brand]) || 'Card';
}
