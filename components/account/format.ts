/**
 * Dates on the account and team pages, formatted on the server in UTC (the
 * server does not know the reader's time zone, and saying "UTC" beats guessing).
 */
const DATE_TIME = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

export function formatDateTime(date: Date): string {
  return `${DATE_TIME.format(date)} UTC`;
}

export function formatDate(date: Date): string {
  return DATE.format(date);
}

/** "just now", "5 minutes ago", "3 hours ago", or the date past a day. */
export function formatAgo(date: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - date.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
  return formatDateTime(date);
}
