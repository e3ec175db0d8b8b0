/**
 * Merchant-controlled values the checkout page puts into attributes: the brand
 * colour (a style attribute), image URLs (img src) and the URLs the customer is
 * sent to. Each is checked again here, at the point of use, whatever the API or
 * the settings form accepted: a value that fails is dropped, never "fixed".
 */
const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** `#1a2b3c` as stored, or null for anything else (no names, no `url(...)`, no `;`). */
export function safeBrandColor(value: string | null | undefined): string | null {
  return value && HEX_COLOR.test(value) ? value.toLowerCase() : null;
}

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Text colour for a brand-coloured button: white or black, whichever
 * contrasts more. One of them always reaches 4.5:1 (the worst case is ~4.58).
 */
export function textOn(background: string): '#ffffff' | '#000000' {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#000000') ? '#ffffff' : '#000000';
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An image the page may show: https anywhere, or, in test mode only, http on
 * this machine (merchants developing locally). Anything else (http, data:,
 * javascript:, relative paths that would load from our own origin) is not shown.
 */
export function safeImageUrl(value: string | null | undefined, livemode: boolean): string | null {
  if (!value || value.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.protocol === 'https:') return url.href;
  if (!livemode && url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return url.href;
  return null;
}

/**
 * A link or redirect target for the customer (success_url, cancel_url): an
 * absolute http(s) URL without credentials, or null. `javascript:` and friends
 * never reach an href or window.location.
 */
export function safeRedirectUrl(value: string | null | undefined): string | null {
  if (!value || value.length > 5000) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return url.href;
}
