import type { AppProps } from 'next/app';
import '../app/globals.css';

/** The Pages Router's app shell: the same global CSS (Tailwind) as the App Router's root layout. */
export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
