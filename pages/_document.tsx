import Document, { Head, Html, Main, NextScript, type DocumentContext } from 'next/document';
import type { CheckoutScriptAsset } from '@/lib/checkout-page/script-asset';

/**
 * The HTML shell of the Pages Router pages (only the hosted checkout,
 * pages/checkout/[id].tsx; everything else is the App Router). It carries
 * this request's CSP nonce (set by proxy.ts as the `x-nonce` request header)
 * onto whatever Next emits here: styles, and in development its scripts.
 *
 * It also renders the checkout's one script (the page's `script` prop, from
 * lib/checkout-page/script-asset.ts): same origin, the nonce, Subresource
 * Integrity. Here rather than in the page so that it stays outside React's
 * tree, which development (where Next hydrates every page) would re-render.
 */
interface Props {
  nonce: string | undefined;
}

export default class AppDocument extends Document<Props> {
  static override async getInitialProps(ctx: DocumentContext) {
    const initial = await Document.getInitialProps(ctx);
    const header = ctx.req?.headers['x-nonce'];
    return { ...initial, nonce: typeof header === 'string' ? header : undefined };
  }

  override render() {
    const { nonce } = this.props;
    const pageProps = (
      this.props.__NEXT_DATA__.props as { pageProps?: { script?: CheckoutScriptAsset | null } }
    ).pageProps;
    const script = pageProps?.script ?? null;
    return (
      <Html lang="en">
        <Head nonce={nonce} />
        <body className="min-h-dvh">
          <Main />
          {script ? (
            <script
              src={script.src}
              nonce={nonce}
              integrity={script.integrity}
              crossOrigin="anonymous"
              defer
            />
          ) : null}
          <NextScript nonce={nonce} />
        </body>
      </Html>
    );
  }
}
