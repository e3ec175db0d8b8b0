/**
 * Times in the console are shown in UTC, the same on every operator's screen
 * and in every server's time zone, so an audit entry reads the same when it is
 * quoted in a ticket.
 */
export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return '—';
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function formatDate(date: Date | null | undefined): string {
  if (!date) return '—';
  return date.toISOString().slice(0, 10);
}

/** IPv4 clients seen through an IPv6 socket arrive as ::ffff:a.b.c.d; show the IPv4 address. */
export function displayIp(ip: string | null): string {
  if (!ip) return '—';
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}
