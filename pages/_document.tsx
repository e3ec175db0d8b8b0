import Document, { Head, Html, Main, NextScript, type DocumentContext } from 'next/document';

/**
 * The HTML shell of the Pages Router pages (only the hosted checkout,
 * pages/checkout/[id].tsx; everything else is the App Router). It carries
 * this request's CSP nonce (set by proxy.ts as the `x-nonce` request header)
 * onto whatever Next emits here: styles, and in development its scripts.
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
    return (
      <Html lang="en">
        <Head nonce={nonce} />
        <body className="min-h-dvh">
          <Main />
          <NextScript nonce={nonce} />
        </body>
      </Html>
    );
  }
}
