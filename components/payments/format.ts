import type { CardSummary } from '@/lib/vault';

const TIME = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
});

/** Dashboard times are UTC, like the date filters. */
export function formatTime(date: Date): string {
  return `${TIME.format(date)} UTC`;
}

const BRANDS: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

/** "Visa •••• 4242". */
export function formatCard(card: Pick<CardSummary, 'brand' | 'last4'> | null): string {
  if (!card) return '—';
  const brand = card.brand ? (BRANDS[card.brand] ?? card.brand) : 'Card';
  return card.last4 ? `${brand} •••• ${card.last4}` : brand;
}
