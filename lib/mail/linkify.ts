/**
 * Splits a plain-text mail body into text and links, for the development
 * mailbox. Only URLs on this app's own origin become links: a mail body is
 * data, and a link to anywhere else (or a javascript: URL) stays inert text.
 */
export type BodyPart = { kind: 'text'; text: string } | { kind: 'link'; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/g;

export function linkifyMailBody(body: string, appOrigin: string): BodyPart[] {
  const origin = new URL(appOrigin).origin;
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(/[.,;:!?)]+$/, '');
    if (!isSameOrigin(raw, origin)) continue;
    const start = match.index;
    if (start > last) parts.push({ kind: 'text', text: body.slice(last, start) });
    parts.push({ kind: 'link', href: raw });
    last = start + raw.length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}

function isSameOrigin(href: string, origin: string): boolean {
  try {
    return new URL(href).origin === origin && href.startsWith(`${origin}/`);
  } catch {
    return false;
  }
}
