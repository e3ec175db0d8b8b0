import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { PRODUCT_DESCRIPTION, PRODUCT_NAME } from '@/components/site/brand';
import './globals.css';

export const metadata: Metadata = {
  title: {
    default: `${PRODUCT_NAME} — Stripe-compatible payments on your own servers`,
    template: `%s · ${PRODUCT_NAME}`,
  },
  description: PRODUCT_DESCRIPTION,
  applicationName: PRODUCT_NAME,
  // A self-hosted install is usually private; operators who want it indexed can override per page.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  themeColor: '#ffffff',
  colorScheme: 'light',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, which per-request CSP nonces
  // need (proxy.ts): Next.js applies the nonce to the scripts it renders.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
