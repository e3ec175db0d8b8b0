'use client';

import { useEffect } from 'react';

/**
 * Sends the customer on to the merchant's success_url a moment after a receipt
 * appears (the receipt keeps a "Return to merchant" link for those who do not
 * wait). The URL was checked on the server (lib/checkout-page/branding.ts).
 */
export function RedirectSoon({ url, delayMs = 2500 }: { url: string; delayMs?: number }) {
  useEffect(() => {
    const timer = setTimeout(() => window.location.assign(url), delayMs);
    return () => clearTimeout(timer);
  }, [url, delayMs]);
  return null;
}
