import { headers } from 'next/headers';

/** Who is asking, for audit rows and the session list. */
export interface RequestContext {
  ip: string;
  userAgent: string;
}

const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);

export function contextFromHeaders(h: Pick<Headers, 'get'>): RequestContext {
  // The first x-forwarded-for hop is the client as seen by our proxy (Next.js
  // sets it for direct connections too).
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return {
    ip: clip(forwarded || h.get('x-real-ip') || 'unknown', 64),
    userAgent: clip(h.get('user-agent') ?? 'unknown', 512),
  };
}

export async function requestContext(): Promise<RequestContext> {
  return contextFromHeaders(await headers());
}
