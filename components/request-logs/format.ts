/** Request times to the second, in UTC (the server does not know the reader's zone). */
const TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export function formatRequestTime(date: Date): string {
  return `${TIME.format(date)} UTC`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`;
}
