/**
 * Marks a fresh receipt: the page's script (lib/checkout-page/form-script.ts)
 * sends the customer on to the merchant's success_url `delayMs` after it
 * appears (the receipt keeps a "Return to merchant" link for those who do not
 * wait). The URL was checked on the server (lib/checkout-page/branding.ts).
 */
export function RedirectSoon({ url, delayMs = 2500 }: { url: string; delayMs?: number }) {
  return <span hidden data-checkout-redirect={url} data-delay-ms={delayMs} />;
}
